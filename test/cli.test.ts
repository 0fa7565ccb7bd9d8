import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = path.join(root, 'fixtures/clean/backend-api.md')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-cli-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function write(name: string, value: string | Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, value)
  return file
}

function broken(): string {
  // The clean spec without its Skills section and with a misspelt Status.
  return fs
    .readFileSync(clean, 'utf8')
    .replace(/## Skills\n[\s\S]*?(?=## Requirements)/, '')
    .replace('| Status | in-progress |', '| Status | In Progress |')
}

describe('spec-lint CLI', () => {
  it('exits 0 and prints nothing on a clean spec', () => {
    const result = run([clean])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  })

  it('exits 1 with file:line:column messages on a broken spec', () => {
    const file = write('specs/broken.md', broken())
    const result = run(['specs/broken.md'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^specs\/broken\.md:9:12-9:23 +error +Unexpected Status `In Progress`, expected `in-progress` +meta-status$/m)
    expect(result.stderr).toMatch(/^specs\/broken\.md:\d+:1 +error +Missing section `## Skills` +required-sections$/m)
    expect(fs.readFileSync(file, 'utf8')).toBe(broken())
  })

  it('prints vfile-reporter-json with ruleId, source, line, column and url', () => {
    write('specs/broken.md', broken())
    const result = run(['--report', 'json', 'specs/broken.md'], {cwd: dir})
    expect(result.code).toBe(1)
    const [file] = JSON.parse(result.stderr) as Array<{messages: Array<Record<string, unknown>>}>
    const status = file?.messages.find((m) => m.ruleId === 'meta-status')
    expect(status).toMatchObject({ruleId: 'meta-status', source: 'spec-lint', line: 9, column: 12, fatal: true})
    expect(status?.url).toMatch(/meta-status/)
  })

  it('exits 0 on warnings and 1 with --frail', () => {
    const value = fs.readFileSync(clean, 'utf8')
    // Move Notes before Completion Promise: a section-order warning only.
    const reordered = value.replace(/(## Completion Promise[\s\S]*?)(## Notes[\s\S]*)$/, '$2\n$1')
    write('warn/order.md', reordered)
    const plain = run(['warn/order.md'], {cwd: dir})
    expect(plain.stderr).toMatch(/warning +Unexpected section `## Completion Promise` after `## Notes`/)
    expect(plain.code).toBe(0)
    expect(run(['--frail', 'warn/order.md'], {cwd: dir}).code).toBe(1)
  })

  it('reads .speclintrc.json and the specLint package field', () => {
    write('cfg/specs/a.md', broken())
    write('cfg/.speclintrc.json', JSON.stringify({rules: {'meta-status': 'off', 'required-sections': 'off'}}))
    expect(run(['specs/a.md'], {cwd: path.join(dir, 'cfg')})).toMatchObject({code: 0, stderr: ''})
    write('pkg/specs/a.md', broken())
    write('pkg/package.json', JSON.stringify({name: 'x', specLint: {rules: {'meta-status': 'warn', 'required-sections': 'off'}}}))
    const result = run(['specs/a.md'], {cwd: path.join(dir, 'pkg')})
    expect(result.stderr).toMatch(/warning +Unexpected Status/)
    expect(result.code).toBe(0)
  })

  it('reads .speclintrc.yaml and ignores paths in .speclintignore', () => {
    write('yaml/specs/a.md', broken())
    write('yaml/specs/skip/b.md', 'not a spec')
    write('yaml/.speclintrc.yaml', 'extends: strict\nrules:\n  required-sections: off\n  meta-status: off\n')
    write('yaml/.speclintignore', 'specs/skip/\n')
    const result = run(['specs'], {cwd: path.join(dir, 'yaml')})
    expect(result.stderr).not.toMatch(/b\.md/)
    expect(result.code).toBe(0)
  })

  it('gives one clear line for a nonexistent path, an empty folder, a binary file and bad configs', () => {
    const missing = run(['nope.md'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/nope\.md.*No such file or folder/)
    fs.mkdirSync(path.join(dir, 'empty'), {recursive: true})
    const empty = run(['empty'], {cwd: dir})
    expect(empty).toMatchObject({code: 2, stderr: 'spec-lint: No Markdown files match `empty`\n'})
    write('bin.md', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))
    const binary = run(['bin.md'], {cwd: dir})
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/bin\.md:1:5 +error +Unexpected binary content, expected a Markdown spec/)
    for (const [name, config, pattern] of [
      ['json', '{bad', /Cannot parse file `\.speclintrc\.json`/],
      ['rule', '{"rules": {"no-such-rule": "error"}}', /Unknown rule `no-such-rule` in `\.speclintrc\.json`/],
      ['option', '{"rules": {"meta-type": ["error", {"types": 3}]}}', /Invalid options for spec-lint rule `meta-type`: `types`/],
      ['preset', '{"extends": "nope"}', /Unknown preset `nope`/]
    ] as const) {
      write(`bad-${name}/a.md`, '# A\n')
      write(`bad-${name}/.speclintrc.json`, config)
      const result = run(['a.md'], {cwd: path.join(dir, `bad-${name}`)})
      expect(result.code, name).toBe(2)
      expect(result.stderr, name).toMatch(pattern)
      expect(result.stderr, name).not.toMatch(/\n\s+at /)
    }
  })

  it('rejects an unknown flag in one line', () => {
    const result = run(['--bogus', 'x.md'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('spec-lint: Unknown option `--bogus`; see `spec-lint --help`\n')
  })

  it('lists commands, unified-args flags and rules in --help', () => {
    const result = run(['--help'])
    expect(result.code).toBe(0)
    for (const text of ['spec-lint model <file>', '--frail', '--report', '--rc-path', 'required-sections', '.speclintrc']) {
      expect(result.stdout).toContain(text)
    }
  })

  it('prints the model as JSON and its JSON Schema', () => {
    const result = run(['model', clean])
    expect(result.code).toBe(0)
    const model = JSON.parse(result.stdout) as {meta: {type: string}; chunks: unknown[]}
    expect(model.meta.type).toBe('backend-api')
    expect(model.chunks).toHaveLength(3)
    const schema = JSON.parse(run(['model', '--schema']).stdout) as {properties: Record<string, unknown>}
    expect(Object.keys(schema.properties)).toContain('plan')
    expect(run(['model', path.join(dir, 'nope.md')])).toMatchObject({code: 1})
  })
})
