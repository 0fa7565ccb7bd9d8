import fs from 'node:fs'
import path from 'node:path'

/**
 * Hostile inputs for the real CLI. Each case builds its files under `dir`
 * and says what spec-lint must do: lint (exit 0/1 with normal messages) or
 * refuse in one line naming the problem. Shared by the test and
 * `bench/hostile.mjs`-style measurement (see the README's limits section).
 */
export interface HostileCase {
  name: string
  /** Create the input; returns the CLI arguments. */
  setup(dir: string): string[] | undefined
  /** A line stderr must contain; undefined when a normal lint report is expected. */
  refused?: RegExp
  /** Expected exit code. */
  code: number
  /** Why the case cannot run here (e.g. reads are not blocked for root). */
  skip?: () => string | undefined
}

function write(dir: string, name: string, value: string | Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, value)
  return name
}

export const hostileCases: HostileCase[] = [
  {
    name: 'a 50 MB spec',
    setup: (dir) => [write(dir, 'big.md', ('# Big\n\n' + 'words in a paragraph '.repeat(40) + '\n\n').repeat(62_000))],
    refused: /big\.md:1:1 +error +Unexpected file of 50\.\d MB, expected at most [\d.]+ MB \(raise the limit with `--max-size`\) +file-too-large/,
    code: 1
  },
  {
    name: '100,000-deep nested list on one line',
    setup: (dir) => [write(dir, 'deep-list.md', '- '.repeat(100_000) + 'x\n')],
    refused: /deep-list\.md:1:1 +error +Unexpected 100000 nested lists or block quotes, expected at most 64 +nesting-too-deep/,
    code: 1
  },
  {
    name: '100,000-deep nested block quote',
    setup: (dir) => [write(dir, 'deep-quote.md', '# T\n\n' + '>'.repeat(100_000) + ' x\n')],
    refused: /deep-quote\.md:3:1 +error +Unexpected 100000 nested lists or block quotes/,
    code: 1
  },
  {
    name: '1,000 lines of lists nested by indentation (1 MB)',
    setup: (dir) => [write(dir, 'deep-indent.md', Array.from({length: 1000}, (_, i) => ' '.repeat(2 * i) + '- item\n').join(''))],
    refused: /deep-indent\.md:65:1 +error +Unexpected 65 nested lists or block quotes/,
    code: 1
  },
  {
    name: 'a 1 MB single line',
    setup: (dir) => [write(dir, 'line.md', '# Line\n\n' + 'word '.repeat(200_000) + '\n')],
    code: 1
  },
  {
    name: 'NUL bytes (binary content)',
    setup: (dir) => [write(dir, 'binary.md', Buffer.from([0x23, 0x20, 0x54, 0x0a, 0x00, 0xff, 0x01, 0x02]))],
    refused: /binary\.md:2:1 +error +Unexpected binary content, expected a Markdown spec +binary-content/,
    code: 1
  },
  {
    name: 'invalid UTF-8',
    setup: (dir) => [write(dir, 'latin1.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\ntext\n')]))],
    refused: /latin1\.md:1:6 +error +Unexpected `U\+FFFD` replacement character \(invalid UTF-8\), expected a UTF-8 encoded spec +invalid-utf8/,
    code: 1
  },
  {
    name: 'an empty file',
    setup: (dir) => [write(dir, 'empty.md', '')],
    code: 1
  },
  {
    name: 'a whitespace-only file',
    setup: (dir) => [write(dir, 'blank.md', '  \n\t\n   \r\n')],
    code: 1
  },
  {
    name: 'a folder named x.md',
    setup: (dir) => {
      fs.mkdirSync(path.join(dir, 'x.md'), {recursive: true})
      return ['x.md']
    },
    refused: /No Markdown files match `x\.md`/,
    // A path that matches no Markdown file is a usage error (ESLint's exit 2).
    code: 2
  },
  {
    name: 'an unreadable file',
    setup: (dir) => {
      const name = write(dir, 'secret.md', '# Secret\n')
      fs.chmodSync(path.join(dir, name), 0o000)
      return [name]
    },
    refused: /secret\.md.*(EACCES|permission denied)/i,
    code: 1,
    skip: () =>
      process.getuid?.() === 0 ? 'running as root: chmod 000 does not block reads' : process.platform === 'win32' ? 'no POSIX modes on Windows' : undefined
  },
  {
    name: 'a symlink loop under a glob',
    setup: (dir) => {
      write(dir, 'loop/a.md', '# A\n')
      fs.symlinkSync('.', path.join(dir, 'loop/self'))
      fs.symlinkSync('b', path.join(dir, 'loop/c.md'))
      fs.symlinkSync('c.md', path.join(dir, 'loop/b'))
      return ['loop/**/*.md']
    },
    // `c.md` cannot be read (a loop): the engine's own fatal message, a run problem (exit 2).
    code: 2,
    skip: () => (process.platform === 'win32' ? 'symlinks need privileges on Windows' : undefined)
  }
]
