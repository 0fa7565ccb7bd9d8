import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {FileChangedError, writeFileAtomic} from '../src/edit/write-atomic.js'
import {formatSpec} from '../src/format/index.js'
import {readDocument} from '../src/parse/read.js'
import {pathToFileURL} from 'node:url'
import {DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest} from 'vscode-languageserver-protocol/node.js'
import {bin, run} from './helpers/cli.js'
import {startServer, within} from './helpers/lsp-client.js'
import {root} from './helpers/documents.js'

/*
 * Data loss, stale results and hostile input, each through the built CLI
 * (or the API where a race cannot be staged from outside). Inputs are
 * generated here, never stored.
 */

const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
/** A spec `--format` changes, and what it changes it to. */
const unformatted = clean
const formatted = formatSpec(unformatted)
const strictConfig = JSON.stringify({extends: 'strict'})

let dir: string
let count = 0
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-safety-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function folder(files: Record<string, string> = {}): string {
  const base = path.join(dir, `case-${++count}`)
  fs.mkdirSync(base, {recursive: true})
  for (const [name, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, name)), {recursive: true})
    fs.writeFileSync(path.join(base, name), value)
  }
  return base
}

const read = (base: string, name: string) => fs.readFileSync(path.join(base, name), 'utf8')
const canChattr = spawnSync('chattr', ['--help']).error === undefined && process.getuid?.() === 0
const isRoot = process.getuid?.() === 0

describe('--cache-location never overwrites what is not a cache', () => {
  it('refuses a spec (a shell-expanded glob) and package.json, leaving them as they were', () => {
    const base = folder({'s/a.md': clean, 's/b.md': clean, 'package.json': '{"name": "x"}\n'})
    const glob = run(['--cache-location', 's/a.md', 's/b.md'], {cwd: base})
    expect(glob.code).toBe(2)
    expect(glob.stderr).toBe(
      'spec-lint: Unexpected cache location `s/a.md`: it holds something else, expected a spec-lint cache file, a new path or a folder (not overwritten)\n'
    )
    const pkg = run(['--cache', '--cache-location', 'package.json', 's/b.md'], {cwd: base})
    expect(pkg.code).toBe(2)
    expect(read(base, 's/a.md')).toBe(clean)
    expect(read(base, 'package.json')).toBe('{"name": "x"}\n')
  })

  it('takes a trailing separator as a folder, keys by relative path, and hits after the project moves', () => {
    const base = folder({'specs/a.md': clean})
    expect(run(['--cache', '--cache-location', 'cache/', 'specs/a.md'], {cwd: base}).code).toBe(0)
    const cacheFile = path.join(base, 'cache/.speclintcache')
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {entries: Record<string, unknown>}
    expect(Object.keys(stored.entries)).toEqual(['specs/a.md'])
    // A CI cache restored into another checkout: same relative keys, nothing to rewrite.
    const moved = path.join(dir, `moved-${++count}`)
    fs.cpSync(base, moved, {recursive: true})
    const before = fs.readFileSync(path.join(moved, 'cache/.speclintcache'), 'utf8')
    fs.utimesSync(path.join(moved, 'cache/.speclintcache'), new Date('2020-01-01'), new Date('2020-01-01'))
    expect(run(['--cache', '--cache-location', 'cache/', 'specs/a.md'], {cwd: moved}).code).toBe(0)
    expect(fs.readFileSync(path.join(moved, 'cache/.speclintcache'), 'utf8')).toBe(before)
    expect(fs.statSync(path.join(moved, 'cache/.speclintcache')).mtime.getUTCFullYear()).toBe(2020)
  })
})

describe('the cache key covers every input a rule reads', () => {
  const referencing = clean.replace(
    '- `tests/api/` — Endpoint test patterns',
    '- `tests/api/` — Endpoint test patterns\n- `src/only.py` — A file that goes away'
  )
  const refFiles = ['src/api/invoices.py', 'src/worker/queue.py', 'src/storage/signing.py', 'tests/api/x.py', 'src/only.py']

  it('sees a deleted reference file (reference-files-exist)', () => {
    const base = folder({
      'package.json': '{}',
      '.speclintrc.json': strictConfig,
      'specs/a.md': referencing,
      ...Object.fromEntries(refFiles.map((f) => [f, '']))
    })
    const first = run(['--cache', 'specs/a.md'], {cwd: base})
    expect(first.stderr).not.toContain('reference-files-exist')
    fs.rmSync(path.join(base, 'src/only.py'))
    const second = run(['--cache', 'specs/a.md'], {cwd: base})
    expect(second.stderr).toContain('Missing file or folder `src/only.py`')
  })

  it('sees a new discovery document beside the spec (discovery-coverage)', () => {
    const base = folder({'.speclintrc.json': strictConfig, 'specs/a.md': clean})
    const first = run(['--cache', 'specs/a.md'], {cwd: base})
    expect(first.stderr).not.toContain('discovery-coverage')
    fs.writeFileSync(path.join(base, 'specs/discovery.md'), '# Invoice Export API\n\n## Reference Files\n\n- `src/billing/new_thing.py` — discovered\n')
    const second = run(['--cache', 'specs/a.md'], {cwd: base})
    expect(second.stderr).toMatch(/src\/billing\/new_thing\.py.*discovery-coverage/)
  })

  it('hashes a config plugin by its code, not its name', () => {
    const plugin = (reason: string) => `export default function local() { return (tree, file) => { file.message(${JSON.stringify(reason)}) } }\n`
    const base = folder({'specs/a.md': clean, 'local.mjs': plugin('first version'), '.speclintrc.json': JSON.stringify({plugins: ['./local.mjs']})})
    expect(run(['--cache', 'specs/a.md'], {cwd: base}).stderr).toContain('first version')
    fs.writeFileSync(path.join(base, 'local.mjs'), plugin('second version'))
    const second = run(['--cache', 'specs/a.md'], {cwd: base})
    expect(second.stderr).toContain('second version')
    expect(second.stderr).not.toContain('first version')
  })

  it('ties a future Created date to the day it was checked (meta-created)', () => {
    const future = clean.replace('| Created | 2026-03-04 |', '| Created | 2999-01-01 |')
    const base = folder({'specs/a.md': future, 'specs/b.md': clean.replace('INVOICE_EXPORT_API_COMPLETE', 'OTHER_COMPLETE')})
    expect(run(['--cache', 'specs/'], {cwd: base}).stderr).toContain('in the future')
    const cacheFile = path.join(base, '.speclintcache')
    type Stored = {entries: Record<string, {inputs: Array<{kind: string; state: string}>; messages: unknown[]}>}
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Stored
    // A past date stays past: only the future one depends on the day.
    expect(stored.entries['specs/b.md']?.inputs).toEqual([])
    const entry = stored.entries['specs/a.md']
    expect(entry?.inputs.map((i) => i.kind)).toEqual(['date'])
    // The same entry, stored on another day and emptied: reusing it would report nothing.
    if (entry) {
      entry.inputs = [{kind: 'date', state: '2000-01-01'}]
      entry.messages = []
    }
    fs.writeFileSync(cacheFile, JSON.stringify(stored))
    expect(run(['--cache', 'specs/'], {cwd: base}).stderr).toContain('in the future')
  })
})

describe('writes lose nothing', () => {
  it('skips a file that changed during the run and keeps both edits (the API check before rename)', async () => {
    const base = folder({'a.md': 'old\n'})
    const file = path.join(base, 'a.md')
    fs.appendFileSync(file, 'appended during the run\n')
    await expect(writeFileAtomic(file, 'new\n', {expected: 'old\n'})).rejects.toBeInstanceOf(FileChangedError)
    expect(read(base, 'a.md')).toBe('old\nappended during the run\n')
    await writeFileAtomic(file, 'new\n', {expected: 'old\nappended during the run\n'})
    expect(read(base, 'a.md')).toBe('new\n')
  })

  it('--fix skips a spec edited while it was being fixed, with a message', () => {
    // A config plugin stands in for the other writer: it appends to the spec after it was read.
    const editor = `import fs from 'node:fs'\nlet done = false\nexport default function editor() { return (tree, file) => { if (!done) { done = true; fs.appendFileSync(file.path, '\\nA line written meanwhile.\\n') } } }\n`
    const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')
    const base = folder({'a.md': broken, 'editor.mjs': editor, '.speclintrc.json': JSON.stringify({extends: 'recommended', plugins: ['./editor.mjs']})})
    const result = run(['--fix', 'a.md'], {cwd: base})
    expect(result.stderr).toContain('spec-lint: a.md: changed since it was read, not written (run again on the new text)')
    expect(result.code).toBe(1)
    expect(read(base, 'a.md')).toBe(broken + '\nA line written meanwhile.\n')
  })

  it('--format writes through a symbolic link to its target, and the link stays', () => {
    const base = folder({'real.md': unformatted})
    fs.symlinkSync('real.md', path.join(base, 'link.md'))
    expect(run(['--format', 'link.md'], {cwd: base}).code).toBe(0)
    expect(fs.lstatSync(path.join(base, 'link.md')).isSymbolicLink()).toBe(true)
    expect(read(base, 'real.md')).toBe(formatted)
  })

  it('--format keeps hard links: both names see the new text', () => {
    const base = folder({'a.md': unformatted})
    fs.linkSync(path.join(base, 'a.md'), path.join(base, 'b.md'))
    expect(run(['--format', 'a.md'], {cwd: base}).code).toBe(0)
    expect(read(base, 'b.md')).toBe(formatted)
    expect(fs.statSync(path.join(base, 'a.md')).nlink).toBe(2)
  })

  it.runIf(isRoot)('--format keeps the owner and group of a file it rewrites', () => {
    const base = folder({'a.md': unformatted})
    fs.chownSync(path.join(base, 'a.md'), 4321, 4322)
    expect(run(['--format', 'a.md'], {cwd: base}).code).toBe(0)
    const stat = fs.statSync(path.join(base, 'a.md'))
    expect([stat.uid, stat.gid]).toEqual([4321, 4322])
    expect(read(base, 'a.md')).toBe(formatted)
  })

  it.runIf(canChattr)('one unwritable file does not end the run: every file is attempted and reported', () => {
    const base = folder({'a.md': unformatted, 'b.md': unformatted, 'c.md': unformatted})
    const locked = path.join(base, 'b.md')
    expect(spawnSync('chattr', ['+i', locked]).status).toBe(0)
    try {
      const result = run(['--format', 'a.md', 'b.md', 'c.md'], {cwd: base})
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^spec-lint: b\.md: cannot write \(E[A-Z]+\), not written\n$/)
      expect(read(base, 'a.md')).toBe(formatted)
      expect(read(base, 'c.md')).toBe(formatted)
      expect(read(base, 'b.md')).toBe(unformatted)
    } finally {
      spawnSync('chattr', ['-i', locked])
    }
  })

  it('init -o refuses a dangling symbolic link without --force', () => {
    const base = folder()
    fs.symlinkSync('nowhere/target.md', path.join(base, 'out.md'))
    const result = run(['init', '--title', 'Some Work', '-o', 'out.md'], {cwd: base})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('out.md: already exists, not overwritten')
    expect(fs.existsSync(path.join(base, 'nowhere/target.md'))).toBe(false)
  })
})

describe('every document goes through the limits, checked on stat', () => {
  it.runIf(fs.existsSync('/dev/zero'))('init on /dev/zero answers at once instead of reading forever', () => {
    const result = run(['init', '/dev/zero', '-o', path.join(folder(), 'x.md')])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('/dev/zero: not a regular file')
  })

  it('init on a FIFO answers at once instead of blocking', () => {
    const base = folder()
    const fifo = path.join(base, 'pipe.md')
    if (spawnSync('mkfifo', [fifo]).status !== 0) return
    const result = run(['init', fifo, '-o', path.join(base, 'x.md')])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('pipe.md: not a regular file')
  })

  it('refuses an oversized document from its size on disk, before reading it', () => {
    const base = folder()
    const file = path.join(base, 'sparse.md')
    // A sparse file: 64 MB by stat, nothing on disk; reading it whole would take the memory.
    fs.closeSync(fs.openSync(file, 'w'))
    fs.truncateSync(file, 64 * 1024 * 1024)
    expect(() => readDocument(file, {maxSize: 1024 * 1024})).toThrow(/sparse\.md: Unexpected file of 64 MB, expected at most 1 MB/)
  })

  it.each([
    ['`>` ×100,000', '>'.repeat(100_000) + ' x\n'],
    ['`- ` ×100,000', '- '.repeat(100_000) + 'x\n']
  ])('a discovery document of %s gets one message from discovery-coverage, not a hang', (_name, hostile) => {
    const base = folder({'.speclintrc.json': strictConfig, 'specs/a.md': clean, 'specs/discovery.md': hostile})
    const result = run(['specs/a.md'], {cwd: base})
    expect(result.stderr).toMatch(
      /Unreadable discovery document, expected a readable file: \S*discovery\.md:1:1: Unexpected 100000 nested lists or block quotes, expected at most 64 +discovery-coverage/
    )
    expect(result.stderr).not.toMatch(/\n +at /)
  })
})

describe('configuration: prototype keys are names like any other', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('`extends: %s` is an unknown preset', (name) => {
    const base = folder({'a.md': clean.replace('| Type | backend-api |', '| Type | mainframe |'), '.speclintrc.json': JSON.stringify({extends: name})})
    const result = run(['a.md'], {cwd: base})
    // A configuration error is exit 2, as ESLint has it.
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`Unknown preset \`${name}\``)
    expect(result.stderr).not.toContain('is not a function')
  })

  it('`rules: {"__proto__": …}` is an unknown rule', () => {
    const base = folder({'a.md': clean, '.speclintrc.json': '{"rules": {"__proto__": "error"}}'})
    const result = run(['a.md'], {cwd: base})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown rule `__proto__`')
  })
})

describe('compact report', () => {
  it('escapes a line break in a file name, so each message stays one line', () => {
    const base = folder({'two\nlines.md': clean.replace('| Type | backend-api |', '| Type | mainframe |')})
    const result = run(['two\nlines.md'], {cwd: base})
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').filter((line) => line.includes('meta-type'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^two%0Alines\.md:7:\d+/)
  })
})

describe('the language server on super-linear Markdown', () => {
  it('answers a hostile document with one diagnostic and stays responsive for the next', async () => {
    const base = folder()
    const client = startServer(base)
    try {
      await within(
        client.connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: pathToFileURL(base).href, capabilities: {}}),
        15_000,
        'initialize'
      )
      await client.connection.sendNotification(InitializedNotification.type, {})
      const docs = {
        'emphasis.md': Array.from({length: 20_000}, (_, i) => '*'.repeat(1 + (i % 3)) + 'a').join(''),
        'links.md': '['.repeat(10_000) + 'a' + '](b)'.repeat(10_000),
        'quoted.md': Array.from({length: 1_600}, (_, i) => '> ' + ' '.repeat(2 * (i % 200)) + '- item').join('\n'),
        'next.md': clean.replace('| Type | backend-api |', '| Type | mainframe |')
      }
      const uris = Object.keys(docs).map((name) => pathToFileURL(path.join(base, name)).href)
      for (const [name, text] of Object.entries(docs)) {
        void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {uri: pathToFileURL(path.join(base, name)).href, languageId: 'markdown', version: 1, text}
        })
      }
      const published = await Promise.all(uris.map((uri) => client.diagnostics(uri)))
      expect(published.map((p) => p.diagnostics.map((d) => d.code))).toEqual([
        ['inline-too-complex'],
        ['inline-too-complex'],
        ['nesting-too-deep'],
        ['meta-type']
      ])
    } finally {
      await client.close()
    }
  })
})

describe('memory', () => {
  it('heap exhaustion in a large run is one message, not a native stack', () => {
    const base = folder(
      Object.fromEntries(Array.from({length: 40}, (_, i) => [`specs/s${i}.md`, clean.replace('INVOICE_EXPORT_API_COMPLETE', `S${i}_COMPLETE`)]))
    )
    const result = run(['--no-config', 'specs'], {cwd: base, env: {NODE_OPTIONS: '--max-old-space-size=8'}})
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toMatch(/^spec-lint: Out of memory \(a heap of about \d+ MB\), expected fewer or smaller files per run/)
    expect(result.stderr).not.toMatch(/FATAL ERROR|Last few GCs|\n +at |^ ?\d+: 0x/m)
  })
})

it('formats the sample spec (the write tests need a change to write)', () => {
  expect(fs.existsSync(bin)).toBe(true)
  expect(formatted).not.toBe(unformatted)
})
