import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
// One warning (section-order), no error.
const warningOnly = clean.replace(/(## Completion Promise[\s\S]*?)(## Notes[\s\S]*)$/, '$2\n$1')
// One error (meta-status).
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')

const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
// CommonJS modules: their `default` is the export under Node's ESM interop. The schema's `language` pattern needs `unicodeRegExp: false`.
const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-ci-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function folder(name: string, files: Record<string, string>): string {
  const base = path.join(dir, name)
  for (const [file, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, file)), {recursive: true})
    fs.writeFileSync(path.join(base, file), value)
  }
  fs.mkdirSync(base, {recursive: true})
  return base
}

describe('exit codes (ESLint’s table)', () => {
  it.each([
    ['clean spec', {'specs/a.md': clean}, ['specs/a.md'], 0],
    ['warnings only', {'specs/a.md': warningOnly}, ['specs/a.md'], 0],
    ['warnings within --max-warnings', {'specs/a.md': warningOnly}, ['--max-warnings', '1', 'specs/a.md'], 0],
    ['warnings over --max-warnings', {'specs/a.md': warningOnly}, ['--max-warnings', '0', 'specs/a.md'], 1],
    ['warnings with --frail', {'specs/a.md': warningOnly}, ['--frail', 'specs/a.md'], 1],
    ['a lint error', {'specs/a.md': broken}, ['specs/a.md'], 1],
    ['a binary file (a finding about the file)', {'specs/a.md': '\u0000\u0001'}, ['specs/a.md'], 1],
    ['a path that does not exist', {}, ['nope.md'], 2],
    ['a glob that matches nothing', {}, ['specs/*.md'], 2],
    ['a folder without Markdown', {'specs/notes.txt': 'x'}, ['specs'], 2],
    ['no paths and no specs/ folder', {}, [], 2],
    ['an unknown flag', {'specs/a.md': clean}, ['--bogus', 'specs/a.md'], 2],
    ['a removed flag', {'specs/a.md': clean}, ['--inspect', 'specs/a.md'], 2],
    ['a bad --max-warnings', {'specs/a.md': clean}, ['--max-warnings', 'many', 'specs/a.md'], 2],
    ['--output-file with --fix (not ignored silently)', {'specs/a.md': clean}, ['--fix', '--output-file', 'r.json', 'specs/a.md'], 2],
    ['--max-warnings with --format', {'specs/a.md': clean}, ['--format', '--max-warnings', '0', 'specs/a.md'], 2],
    ['an unknown reporter', {'specs/a.md': clean}, ['--report', 'nope', 'specs/a.md'], 2],
    ['a configuration that does not parse', {'specs/a.md': clean, '.speclintrc.json': '{bad'}, ['specs/a.md'], 2],
    ['an unknown rule in the configuration', {'specs/a.md': clean, '.speclintrc.json': '{"rules": {"no-such-rule": "error"}}'}, ['specs/a.md'], 2]
  ] as const)('%s → %i', (name, files, args, code) => {
    const cwd = folder(`exit-${name.replace(/\W+/g, '-')}`, files)
    const result = run([...args], {cwd})
    expect(result.code, result.stderr).toBe(code)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('input', () => {
  it('with no paths lints specs/, and never reads standard input unasked', () => {
    const cwd = folder('default-specs', {'specs/a.md': broken, 'other.md': broken})
    const result = run([], {cwd, input: '# not a spec\n'})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('specs/a.md:')
    expect(result.stderr).not.toMatch(/<stdin>|other\.md/)
  })

  it('reads standard input with `-` or `--stdin`, and refuses both with paths', () => {
    const cwd = folder('stdin', {'specs/a.md': clean})
    for (const flag of ['-', '--stdin']) {
      const result = run([flag], {cwd, input: broken})
      expect(result.code, flag).toBe(1)
      expect(result.stderr, flag).toMatch(/^<stdin>:\d+:\d+/)
    }
    const both = run(['-', 'specs/a.md'], {cwd, input: broken})
    expect(both.code).toBe(2)
    expect(both.stderr).toBe('spec-lint: Unexpected paths with standard input (`-` or `--stdin`), expected one or the other; see `spec-lint --help`\n')
  })
})

describe('--output-file', () => {
  interface Sarif {
    runs: Array<{
      results: Array<{ruleId: string; level: string; message: {text: string}; locations?: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>
    }>
  }

  it.each([
    ['no file matches', {}, ['specs/*.md'], 2, /No Markdown files match `specs\/\*\.md`/],
    ['the configuration does not parse', {'specs/a.md': clean, '.speclintrc.json': '{bad'}, ['specs'], 2, /Cannot parse file `\.speclintrc\.json`/],
    ['a lint error', {'specs/a.md': broken}, ['specs'], 1, /Unexpected Status `In Progress`/]
  ] as const)('writes valid SARIF and JSON when %s, and nothing else on either stream', (name, files, args, code, reason) => {
    const cwd = folder(`out-${name.replace(/\W+/g, '-')}`, files)
    const sarifRun = run(['--report', 'sarif', '--output-file', 'reports/spec-lint.sarif', ...args], {cwd})
    expect(sarifRun).toMatchObject({code, stdout: '', stderr: ''})
    const log = JSON.parse(fs.readFileSync(path.join(cwd, 'reports/spec-lint.sarif'), 'utf8')) as Sarif
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true)
    expect(log.runs[0]?.results.map((r) => r.message.text)).toContainEqual(expect.stringMatching(reason))

    const jsonRun = run(['--report', 'json', '--output-file', 'report.json', ...args], {cwd})
    expect(jsonRun).toMatchObject({code, stdout: '', stderr: ''})
    const report = JSON.parse(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8')) as Array<{messages: Array<{reason: string; fatal: boolean}>}>
    expect(report.flatMap((f) => f.messages)).toContainEqual(expect.objectContaining({fatal: true, reason: expect.stringMatching(reason)}))

    // The README's old recipe: the report alone on standard error, still valid.
    const stderrRun = run(['--report', 'sarif', ...args], {cwd})
    expect(validateSarif(JSON.parse(stderrRun.stderr))).toBe(true)
  })
})

describe('flags a CI user reaches for', () => {
  it('--max-warnings says why it failed', () => {
    const cwd = folder('max-warnings', {'specs/a.md': warningOnly})
    const result = run(['--max-warnings', '0', 'specs'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\nspec-lint: 1 warnings, more than `--max-warnings 0`\n$/)
  })

  it('--print-config prints the resolved rules and options for a file', () => {
    const cwd = folder('print-config', {
      'specs/a.md': clean,
      '.speclintrc.json': JSON.stringify({extends: 'strict', rules: {'meta-repo': 'off', 'chunk-count': ['warn', {max: 9}]}})
    })
    const result = run(['--print-config', 'specs/a.md'], {cwd})
    expect(result).toMatchObject({code: 0, stderr: ''})
    const config = JSON.parse(result.stdout) as {configFile: string; rules: Record<string, unknown>}
    expect(config.configFile).toBe('.speclintrc.json')
    expect(config.rules['meta-repo']).toBe('off')
    expect(config.rules['chunk-count']).toEqual(['warn', expect.objectContaining({max: 9})])
    expect(config.rules['spec-title']).toBe('error')
    const bad = run(['--print-config', 'specs/a.md'], {cwd: folder('print-config-bad', {'.speclintrc.json': '{"extends": "nope"}'})})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^spec-lint: .*Unknown preset `nope`/)
  })

  it('`spec-lint rules` lists every rule with its active severity, fixable and docs', () => {
    const cwd = folder('rules', {'.speclintrc.json': JSON.stringify({rules: {'meta-repo': 'off', 'section-order': 'error'}})})
    const result = run(['rules', '--json'], {cwd})
    expect(result.code).toBe(0)
    const rows = JSON.parse(result.stdout) as Array<{id: string; severity: string; fixable: boolean; docs: string}>
    expect(rows.find((r) => r.id === 'meta-repo')?.severity).toBe('off')
    expect(rows.find((r) => r.id === 'section-order')).toEqual({
      id: 'section-order',
      severity: 'error',
      fixable: expect.any(Boolean),
      docs: 'https://github.com/spec-lint/spec-lint/blob/main/docs/rules/section-order.md'
    })
    expect(rows.find((r) => r.id === 'meta-status')?.fixable).toBe(true)
    const text = run(['rules'], {cwd})
    expect(text.stdout).toMatch(/^Rules \(severity from `.*\.speclintrc\.json`\):\n\n/)
    expect(text.stdout).toMatch(/\nmeta-status +error +fixable +https:\/\/\S+meta-status\.md\n/)
  })

  it('`spec-lint init --config` writes a starter that lints, and does not overwrite one', () => {
    const cwd = folder('init-config', {'specs/a.md': clean})
    const first = run(['init', '--config'], {cwd})
    expect(first.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, '.speclintrc.json'), 'utf8'))).toEqual({extends: 'recommended', rules: {}})
    expect(run(['specs'], {cwd}).code).toBe(0)
    const again = run(['init', '--config'], {cwd})
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists, not overwritten/)
    expect(run(['init', '--config', '--preset', 'strict', '--force'], {cwd}).code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, '.speclintrc.json'), 'utf8'))).toEqual({extends: 'strict', rules: {}})
  })

  it('removed flags are rejected, and --help no longer lists them', () => {
    const cwd = folder('removed', {'specs/a.md': clean})
    for (const flag of ['-o', '-t', '--output', '--inspect', '--tree', '--tree-in', '--tree-out']) {
      const result = run([flag, 'specs/a.md'], {cwd})
      expect(result.code, flag).toBe(2)
      expect(result.stderr, flag).toMatch(new RegExp(`^spec-lint: Unexpected \`${flag}\`, not supported: `))
    }
    const help = run(['--help'], {cwd}).stdout
    expect(help).not.toMatch(/--inspect|--tree|-o {2}--output/)
    for (const flag of ['--stdin', '--output-file', '--max-warnings', '--print-config']) expect(help).toContain(flag)
  })
})

describe('compact reporter', () => {
  it('does not pad lines to the longest message', () => {
    const long = 'A very long overview sentence that goes on. '.repeat(30)
    const cwd = folder('compact', {'specs/a.md': broken.replace(/(## Overview\n\n)/, `$1${long}\n\n`)})
    const result = run(['specs/a.md'], {cwd})
    const lines = result.stderr.split('\n').filter((line) => /^specs\/a\.md:/.test(line))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/\S {2}[a-z][a-z0-9-]+$/)
    expect(result.stderr).not.toMatch(/\S {3,}[a-z][a-z0-9-]+\n/)
  })
})
