import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-cache-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function project(name: string, files: Record<string, string>): string {
  const cwd = path.join(dir, name)
  for (const [file, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), {recursive: true})
    fs.writeFileSync(path.join(cwd, file), value)
  }
  return cwd
}

interface CacheFile {
  version: string
  entries: Record<string, {messages: Array<{reason: string}>}>
}

function readCache(cwd: string, name = '.speclintcache'): CacheFile {
  return JSON.parse(fs.readFileSync(path.join(cwd, name), 'utf8')) as CacheFile
}

/** Rewrite stored reasons: a run that prints them did not lint the file again. */
function tamper(cwd: string, edit: (cache: CacheFile) => void = () => {}): void {
  const cache = readCache(cwd)
  for (const entry of Object.values(cache.entries)) {
    for (const message of entry.messages) message.reason = `(cached) ${message.reason}`
  }
  edit(cache)
  fs.writeFileSync(path.join(cwd, '.speclintcache'), JSON.stringify(cache))
}

describe('--cache', () => {
  it('gives the same output and exit code on a warm run, from the cache', () => {
    const cwd = project('warm', {'specs/a.md': broken, 'specs/b.md': clean})
    const cold = run(['--cache', 'specs'], {cwd})
    expect(cold.code).toBe(1)
    expect(cold.stderr).toMatch(/specs\/a\.md:9:12-9:23 +error +Unexpected Status `In Progress`/)
    expect(Object.keys(readCache(cwd).entries).sort()).toEqual(['specs/a.md', 'specs/b.md'])
    const warm = run(['--cache', 'specs'], {cwd})
    expect(warm).toEqual(cold)
    tamper(cwd)
    expect(run(['--cache', 'specs'], {cwd}).stderr).toMatch(/error +\(cached\) Unexpected Status/)
    // The cache is written whole: no temp file is left next to it.
    expect(fs.readdirSync(cwd).sort()).toEqual(['.speclintcache', 'specs'])
  })

  it('writes to --cache-location', () => {
    const cwd = project('location', {'a.md': broken})
    run(['--cache', '--cache-location', 'tmp/lint.json', 'a.md'], {cwd})
    expect(Object.keys(readCache(cwd, 'tmp/lint.json').entries)).toEqual(['a.md'])
    expect(fs.existsSync(path.join(cwd, '.speclintcache'))).toBe(false)
  })

  it('lints a changed file again', () => {
    const cwd = project('changed', {'a.md': broken})
    run(['--cache', 'a.md'], {cwd})
    tamper(cwd)
    fs.writeFileSync(path.join(cwd, 'a.md'), broken.replace('Finance teams', 'Finance staff'))
    const result = run(['--cache', 'a.md'], {cwd})
    expect(result.stderr).toMatch(/error +Unexpected Status/)
    expect(result.stderr).not.toMatch(/\(cached\)/)
  })

  it('lints again when the configuration changes', () => {
    const cwd = project('config', {'a.md': broken})
    run(['--cache', 'a.md'], {cwd})
    tamper(cwd)
    fs.writeFileSync(path.join(cwd, '.speclintrc.json'), JSON.stringify({rules: {'meta-status': 'warn'}}))
    const result = run(['--cache', 'a.md'], {cwd})
    expect(result.stderr).toMatch(/warning +Unexpected Status/)
    expect(result.stderr).not.toMatch(/\(cached\)/)
    expect(result.code).toBe(0)
  })

  it('drops a cache written by another version', () => {
    const cwd = project('version', {'a.md': broken})
    run(['--cache', 'a.md'], {cwd})
    tamper(cwd, (cache) => {
      cache.version = '0.0.0-older'
    })
    const result = run(['--cache', 'a.md'], {cwd})
    expect(result.stderr).toMatch(/error +Unexpected Status/)
    expect(result.stderr).not.toMatch(/\(cached\)/)
    expect(readCache(cwd).version).not.toBe('0.0.0-older')
  })

  it('ignores a cache file that does not parse', () => {
    const cwd = project('corrupt', {'a.md': broken, '.speclintcache': '{"version": '})
    const result = run(['--cache', 'a.md'], {cwd})
    expect(result.stderr).toMatch(/error +Unexpected Status/)
    expect(result.code).toBe(1)
    expect(readCache(cwd).entries).toHaveProperty(['a.md'])
  })

  it('keeps cross-file rules correct when some files come from the cache', () => {
    // A cross-file plugin in the shape spec-lint's own use: a completer over
    // every file's `file.data.spec.promises`.
    const plugin = [
      'function completer(set) {',
      '  const seen = new Map()',
      '  for (const file of set.valueOf()) {',
      '    for (const promise of file.data.spec?.promises ?? []) {',
      '      const first = seen.get(promise.value)',
      '      if (first) file.message(`Unexpected duplicate promise \\`${promise.value}\\`, also in ${first}`, {place: promise.position, ruleId: "dup-promise", source: "test"})',
      '      else seen.set(promise.value, file.path)',
      '    }',
      '  }',
      '}',
      'completer.pluginId = "dup-promise"',
      'export default function dupPromise(_, fileSet) { if (fileSet) fileSet.use(completer) }',
      ''
    ].join('\n')
    const other = clean.replace('# Invoice Export API', '# Invoice Import API')
    const cwd = project('cross', {
      'a.md': broken,
      'b.md': other,
      'dup.mjs': plugin,
      '.speclintrc.json': JSON.stringify({extends: 'recommended', plugins: ['./dup.mjs']})
    })
    const cold = run(['--cache', 'a.md', 'b.md'], {cwd})
    expect(cold.stderr).toMatch(/^b\.md:119:1-119:47 +warning +Unexpected duplicate promise `INVOICE_EXPORT_API_COMPLETE`, also in a\.md +dup-promise$/m)
    // The cross-file message is not stored with the file: the completer adds it each run.
    expect(JSON.stringify(readCache(cwd))).not.toMatch(/duplicate promise/)
    tamper(cwd)
    fs.writeFileSync(path.join(cwd, 'b.md'), other.replace('Finance teams', 'Finance staff'))
    const warm = run(['--cache', 'a.md', 'b.md'], {cwd})
    expect(warm.stderr).toMatch(/^a\.md:9:12-9:23 +error +\(cached\) Unexpected Status/m)
    expect(warm.stderr).toMatch(/^b\.md:119:1-119:47 +warning +Unexpected duplicate promise `INVOICE_EXPORT_API_COMPLETE`, also in a\.md +dup-promise$/m)
    expect(warm.stderr.match(/duplicate promise/g)).toHaveLength(1)
  })
})

describe('--cache and disable comments', () => {
  it('does not cache a file with spec-lint comments, so cross-file messages can still be disabled', () => {
    const cwd = project('control', {'a.md': `<!-- spec-lint disable meta-status -->\n\n${broken}`})
    const cold = run(['--cache', 'a.md'], {cwd})
    expect(cold.code).toBe(0)
    expect(fs.existsSync(path.join(cwd, '.speclintcache'))).toBe(false)
    expect(run(['--cache', 'a.md'], {cwd})).toEqual(cold)
  })
})
