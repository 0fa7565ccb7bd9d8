import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {ownFlags} from '../../src/cli/flags.js'
import {bin, run} from '../helpers/cli.js'
import {root} from './support.js'

const hasFix = ownFlags.some((flag) => flag.long === 'fix')
const hasFormat = ownFlags.some((flag) => flag.long === 'format')
const writer = path.join(root, 'src/edit/write-atomic.ts')
const isRoot = process.getuid?.() === 0

// A spec with one fixable message (Status casing) and unformatted spacing.
const broken = fs
  .readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
  .replace('| Status | in-progress |', '| Status | In Progress |')
  .replace('- backend-api\n', '*   backend-api\n')

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-faults-'))
})
afterAll(() => {
  for (const entry of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, entry), 0o755)
  fs.rmSync(dir, {recursive: true, force: true})
})

function leftovers(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'))
}

describe.runIf(fs.existsSync(writer))('faults while writing', () => {
  it('a write that fails midway leaves the original intact and no temporary file', async () => {
    const {writeFileAtomic} = await import('../../src/edit/write-atomic.js')
    const folder = fs.mkdtempSync(path.join(dir, 'midway-'))
    const file = path.join(folder, 'spec.md')
    fs.writeFileSync(file, broken)
    const writeFileSync = fs.writeFileSync.bind(fs)
    // Inject the failure: the temporary file gets half the text, then the disk is full.
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      const [target, value] = args
      if (typeof target !== 'number') return writeFileSync(...args)
      writeFileSync(target, String(value).slice(0, 100))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'})
    })
    try {
      await expect(writeFileAtomic(file, 'x'.repeat(10_000))).rejects.toThrow(/ENOSPC/)
    } finally {
      spy.mockRestore()
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(broken)
    expect(leftovers(folder)).toEqual([])
  })

  it.runIf(hasFix)('a read-only file is fully replaced and keeps its mode', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'ro-file-'))
    const file = path.join(folder, 'spec.md')
    fs.writeFileSync(file, broken)
    fs.chmodSync(file, 0o444)
    const result = run(['--fix', '--no-config', 'spec.md'], {cwd: folder})
    expect(result.stderr).not.toMatch(/^\s+at /m)
    const after = fs.readFileSync(file, 'utf8')
    expect(after).toBe(broken.replace('In Progress', 'in-progress'))
    expect(fs.statSync(file).mode & 0o777).toBe(0o444)
    expect(leftovers(folder)).toEqual([])
  })

  it.runIf(hasFix).skipIf(isRoot)('a read-only folder: one clear line, exit non-zero, the original intact', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'ro-folder-'))
    const file = path.join(folder, 'spec.md')
    fs.writeFileSync(file, broken)
    fs.chmodSync(folder, 0o555)
    try {
      const result = run(['--fix', '--no-config', 'spec.md'], {cwd: folder})
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/spec\.md.*(EACCES|permission denied)/i)
      expect(result.stderr).not.toMatch(/^\s+at /m)
      expect(fs.readFileSync(file, 'utf8')).toBe(broken)
    } finally {
      fs.chmodSync(folder, 0o755)
    }
  })

  it.runIf(hasFix)('two processes fixing the same file at once: the result is whole', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'race-'))
    const file = path.join(folder, 'spec.md')
    fs.writeFileSync(file, broken)
    const once = () =>
      new Promise<{code: number | null; stderr: string}>((resolve) => {
        const child = spawn(process.execPath, [bin, '--fix', '--no-config', 'spec.md'], {cwd: folder, env: {...process.env, NO_COLOR: '1'}})
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.on('close', (code) => resolve({code, stderr}))
      })
    const results = await Promise.all([once(), once(), once()])
    for (const result of results) expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(fs.readFileSync(file, 'utf8')).toBe(broken.replace('In Progress', 'in-progress'))
    expect(leftovers(folder)).toEqual([])
  })

  it.runIf(hasFormat)('--format on a read-only file replaces it whole', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'ro-format-'))
    const file = path.join(folder, 'spec.md')
    fs.writeFileSync(file, broken)
    fs.chmodSync(file, 0o444)
    const result = run(['--format', 'spec.md'], {cwd: folder})
    expect(result.stderr).not.toMatch(/^\s+at /m)
    const after = fs.readFileSync(file, 'utf8')
    expect(after).toContain('- backend-api\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o444)
    expect(leftovers(folder)).toEqual([])
  })
})

// Found here, owned by the format branch: `--format` parses with its own
// processor, so it skips the input limits, and rewrites a file whose invalid
// UTF-8 Node already turned into U+FFFD. Unskip once format-mode refuses what
// the linter refuses.
describe('--format refuses what the linter refuses', () => {
  it('leaves a file with invalid UTF-8 byte for byte, exit 1', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'format-utf8-'))
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n*  item\n')])
    fs.writeFileSync(path.join(folder, 'latin1.md'), bytes)
    const result = run(['--format', 'latin1.md'], {cwd: folder})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/invalid-utf8/)
    expect(fs.readFileSync(path.join(folder, 'latin1.md')).equals(bytes)).toBe(true)
  })

  it('refuses a 100,000-deep block quote in one line instead of overflowing the stack', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'format-deep-'))
    fs.writeFileSync(path.join(folder, 'deep.md'), '>'.repeat(100_000) + ' x\n')
    const result = run(['--format', 'deep.md'], {cwd: folder})
    expect(result.stderr).toMatch(/nesting-too-deep/)
  })
})

const hasInit = fs.existsSync(path.join(root, 'src/cli/init-command.ts'))

describe.runIf(hasInit)('faults while writing: init', () => {
  it('an output under a file: one line, exit non-zero, nothing written; an existing spec is left byte for byte', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'init-'))
    fs.writeFileSync(path.join(folder, 'discovery.md'), '# Discovery: Invoice export\n\n## Problem Statement\n\nFinance exports by hand.\n')
    fs.writeFileSync(path.join(folder, 'afile'), 'x')
    const blocked = run(['init', 'discovery.md', '-o', 'afile/spec.md'], {cwd: folder})
    expect(blocked.code).not.toBe(0)
    expect(blocked.stderr).not.toMatch(/^\s+at /m)
    expect(blocked.stderr.split('\n').filter((line) => /error|EEXIST|ENOTDIR|cannot/i.test(line))).toHaveLength(1)
    expect(fs.readFileSync(path.join(folder, 'afile'), 'utf8')).toBe('x')
    fs.writeFileSync(path.join(folder, 'spec.md'), broken)
    const existing = run(['init', 'discovery.md', '-o', 'spec.md'], {cwd: folder})
    expect(existing.code).not.toBe(0)
    expect(existing.stderr).toMatch(/spec\.md: already exists, not overwritten/)
    expect(fs.readFileSync(path.join(folder, 'spec.md'), 'utf8')).toBe(broken)
    expect(leftovers(folder)).toEqual([])
  })
})
