import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {diffChars} from 'diff'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {formatSpec} from '../src/format/index.js'
import {run} from './helpers/cli.js'
import {modelOf, root} from './helpers/documents.js'
import type {Span} from './helpers/model-diff.js'
import {unexplainedChanges} from './helpers/model-diff.js'

const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
/** Two fixable Meta values and one that is not. */
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |').replace('| Created | 2026-03-04 |', '| Created | 2026/03/04 |')
const fixed = clean
const unfixable = broken.replace('| Type | backend-api |', '| Type | mainframe |')
/** Another clean spec: promises are unique across a run. */
const other = clean.replace('# Invoice Export API', '# Invoice Import API').replace('INVOICE_EXPORT_API_COMPLETE', 'INVOICE_IMPORT_API_COMPLETE')

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-fix-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

let count = 0
/** A fresh folder with the given files, each with an old mtime so that a rewrite shows. */
function folder(files: Record<string, string | Buffer>, mode?: number): string {
  const base = path.join(dir, `case-${++count}`)
  for (const [name, value] of Object.entries(files)) {
    const file = path.join(base, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, value)
    if (mode !== undefined) fs.chmodSync(file, mode)
    fs.utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'))
  }
  return base
}

function read(base: string, name: string): string {
  return fs.readFileSync(path.join(base, name), 'utf8')
}

function mtime(base: string, name: string): number {
  return fs.statSync(path.join(base, name)).mtimeMs
}

/** Changed regions between two texts, in the coordinates of each. */
function changedSpans(before: string, after: string): {before: Span[]; after: Span[]} {
  const spans = {before: [] as Span[], after: [] as Span[]}
  let a = 0
  let b = 0
  for (const part of diffChars(before, after)) {
    const size = part.value.length
    if (part.removed) (spans.before.push({start: a, end: a + size}), spans.after.push({start: b, end: b}))
    else if (part.added) (spans.after.push({start: b, end: b + size}), spans.before.push({start: a, end: a}))
    a += part.added ? 0 : size
    b += part.removed ? 0 : size
  }
  return spans
}

describe('spec-lint --fix', () => {
  it('fixes in place, keeps the mode, leaves clean files untouched and reports nothing left', () => {
    const base = folder({'specs/a.md': broken, 'specs/clean.md': other}, 0o640)
    const cleanTime = mtime(base, 'specs/clean.md')
    const result = run(['--fix', 'specs'], {cwd: base})
    expect(result).toMatchObject({code: 0, stdout: '', stderr: 'spec-lint: fixed 2 problems in 1 file; nothing is left\n'})
    expect(read(base, 'specs/a.md')).toBe(fixed)
    expect(fs.statSync(path.join(base, 'specs/a.md')).mode & 0o777).toBe(0o640)
    expect(mtime(base, 'specs/clean.md')).toBe(cleanTime)
    expect(read(base, 'specs/clean.md')).toBe(other)
    expect(fs.readdirSync(path.join(base, 'specs')).sort()).toEqual(['a.md', 'clean.md'])
  })

  it('changes the model only where a fix applied, and linting again finds nothing fixable', () => {
    const base = folder({'specs/a.md': unfixable})
    const result = run(['--fix', 'specs/a.md'], {cwd: base})
    const after = read(base, 'specs/a.md')
    expect(after).not.toBe(unfixable)
    expect(unexplainedChanges(modelOf(unfixable), modelOf(after), changedSpans(unfixable, after))).toEqual([])
    // What is left is reported, with the normal exit code.
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/specs\/a\.md:7:10-7:19 +error +Unexpected Type `mainframe`/)
    expect(result.stderr).toMatch(/\nspec-lint: fixed \d+ problems? in 1 file; 1 problem left \(listed above\)\n$/)
    const again = run(['--report', 'json', 'specs/a.md'], {cwd: base})
    const [file] = JSON.parse(again.stderr) as Array<{messages: Array<{ruleId: string; expected?: string[]}>}>
    expect(file?.messages.map((m) => m.ruleId)).toEqual(['meta-type'])
    expect(file?.messages.filter((m) => (m.expected ?? []).length > 0)).toEqual([])
  })

  it('reports once and touches nothing when there is nothing to fix', () => {
    const base = folder({'specs/a.md': clean.replace('| Type | backend-api |', '| Type | mainframe |')})
    const before = mtime(base, 'specs/a.md')
    const result = run(['--fix', 'specs/a.md'], {cwd: base})
    expect(result.code).toBe(1)
    expect(result.stderr.match(/Unexpected Type `mainframe`/g)).toHaveLength(1)
    expect(mtime(base, 'specs/a.md')).toBe(before)
  })

  it('prints the fixed text with --dry-run and a diff with --diff, writing nothing', () => {
    const base = folder({'specs/a.md': broken})
    const before = mtime(base, 'specs/a.md')
    const dry = run(['--fix', '--dry-run', 'specs/a.md'], {cwd: base})
    expect(dry).toMatchObject({code: 0, stdout: fixed, stderr: 'spec-lint: would fix 2 problems in 1 file; nothing is left\n'})
    const diff = run(['--fix', '--diff', 'specs/a.md'], {cwd: base})
    expect(diff.code).toBe(0)
    expect(diff.stdout).toContain('--- specs/a.md\n+++ specs/a.md\n')
    expect(diff.stdout).toContain('-| Status | In Progress |\n-| Created | 2026/03/04 |\n+| Status | in-progress |\n+| Created | 2026-03-04 |\n')
    expect(read(base, 'specs/a.md')).toBe(broken)
    expect(mtime(base, 'specs/a.md')).toBe(before)
  })

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\ufeff' + broken.replace(/\n/g, '\r\n')
    const base = folder({'specs/a.md': crlf})
    expect(run(['--fix', 'specs/a.md'], {cwd: base}).code).toBe(0)
    expect(read(base, 'specs/a.md')).toBe('\ufeff' + fixed.replace(/\n/g, '\r\n'))
  })

  it('fixes standard input and prints it', () => {
    const result = run(['--fix', '-'], {cwd: dir, input: broken})
    expect(result).toMatchObject({code: 0, stdout: fixed, stderr: 'spec-lint: fixed 2 problems in 1 file; nothing is left\n'})
  })

  it('fixes, then formats, with --fix --format', () => {
    const base = folder({'specs/a.md': broken})
    expect(run(['--fix', '--format', 'specs/a.md'], {cwd: base}).code).toBe(0)
    expect(read(base, 'specs/a.md')).toBe(formatSpec(fixed))
  })
})

describe('spec-lint --format', () => {
  it('rewrites specs in the canonical form, even with lint errors, and leaves canonical files untouched', () => {
    const canonical = formatSpec(clean)
    const base = folder({'specs/a.md': unfixable, 'specs/done.md': canonical})
    const before = mtime(base, 'specs/done.md')
    const result = run(['--format', 'specs'], {cwd: base})
    expect(result).toMatchObject({code: 0, stdout: '', stderr: ''})
    expect(read(base, 'specs/a.md')).toBe(formatSpec(unfixable))
    expect(read(base, 'specs/a.md')).toContain('| Type    | mainframe       |')
    expect(mtime(base, 'specs/done.md')).toBe(before)
  })

  it('--check lists the files that would change and exits 1, writing nothing', () => {
    const base = folder({'specs/a.md': clean, 'specs/b.md': formatSpec(clean)})
    const check = run(['--format', '--check', 'specs'], {cwd: base})
    expect(check).toMatchObject({code: 1, stdout: 'specs/a.md\n', stderr: ''})
    expect(read(base, 'specs/a.md')).toBe(clean)
    expect(run(['--format', 'specs'], {cwd: base}).code).toBe(0)
    expect(run(['--format', '--check', 'specs'], {cwd: base})).toMatchObject({code: 0, stdout: ''})
  })

  it('--diff prints a unified diff and writes nothing', () => {
    const base = folder({'specs/a.md': clean})
    const result = run(['--format', '--diff', 'specs/a.md'], {cwd: base})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--- specs/a.md\n+++ specs/a.md\n')
    expect(result.stdout).toContain('-|-------|-------|\n')
    expect(result.stdout).toContain('+| ------- | --------------- |\n')
    expect(read(base, 'specs/a.md')).toBe(clean)
    expect(run(['--format', '--check', '--diff', 'specs/a.md'], {cwd: base}).code).toBe(1)
  })

  it('formats standard input to standard output', () => {
    expect(run(['--format', '--stdin'], {cwd: dir, input: '* a\n* b\n'})).toMatchObject({code: 0, stdout: '- a\n- b\n', stderr: ''})
  })

  it('honours .speclintignore and reports binary files in one line', () => {
    const base = folder({'specs/a.md': '* a\n', 'specs/skip/b.md': '* b\n', '.speclintignore': 'specs/skip/\n', 'bin.md': Buffer.from([0x23, 0, 1, 2])})
    const result = run(['--format', 'specs'], {cwd: base})
    expect(result.code).toBe(0)
    expect(read(base, 'specs/a.md')).toBe('- a\n')
    expect(read(base, 'specs/skip/b.md')).toBe('* b\n')
    const binary = run(['--format', 'bin.md'], {cwd: base})
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/bin\.md:1:2 +error +Unexpected binary content, expected a Markdown spec +binary-content/)
    expect(binary.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('spec-lint flags', () => {
  it('rejects --check, --dry-run and --diff without their mode', () => {
    for (const [flag, needs] of [
      ['--check', '`--format`'],
      ['--dry-run', '`--fix`'],
      ['--diff', '`--fix` or `--format`']
    ] as const) {
      const result = run([flag, 'a.md'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(`spec-lint: Unexpected \`${flag}\` without ${needs}; see \`spec-lint --help\`\n`)
    }
  })

  it('lists --fix, --format, --check, --dry-run and --diff in --help', () => {
    const help = run(['--help']).stdout
    for (const flag of ['--fix', '--format', '--check', '--dry-run', '--diff']) expect(help).toContain(flag)
  })

  it('reports a path with no Markdown files in one line', () => {
    fs.mkdirSync(path.join(dir, 'none'), {recursive: true})
    for (const mode of ['--fix', '--format']) {
      expect(run([mode, 'none'], {cwd: dir})).toMatchObject({code: 2, stderr: 'spec-lint: No Markdown files match `none`\n'})
    }
  })
})
