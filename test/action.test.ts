import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {git} from './helpers/git.js'
import YAML from 'yaml'
import {formatSpec} from '../src/format/index.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
// One error (meta-status, fixable) and one warning (section-order).
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |').replace(/(## Completion Promise[\s\S]*?)(## Notes[\s\S]*)$/, '$2\n$1')
const warningOnly = clean.replace(/(## Completion Promise[\s\S]*?)(## Notes[\s\S]*)$/, '$2\n$1')

/** The spec with its own promise: specs in one run must not share one (`completion-promise-unique`). */
function own(text: string, name: string): string {
  return text.replaceAll('INVOICE_EXPORT_API_COMPLETE', `${name.toUpperCase().replace(/\W+/g, '_')}_COMPLETE`)
}

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, string>
}
interface Action {
  inputs: Record<string, {default?: string}>
  runs: {using: string; main?: string; steps?: Step[]}
}
const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-action-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

/** A repository with files committed on a base commit, and more on a head commit. */
function repo(name: string, base: Record<string, string>, head: Record<string, string> = {}): {cwd: string; base: string; head: string} {
  const cwd = path.join(dir, name)
  fs.mkdirSync(cwd, {recursive: true})
  git(cwd, 'init', '-q', '-b', 'main')
  const commit = (files: Record<string, string>, message: string) => {
    for (const [file, value] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(cwd, file)), {recursive: true})
      fs.writeFileSync(path.join(cwd, file), value)
    }
    git(cwd, 'add', '-A')
    git(cwd, 'commit', '-q', '--allow-empty', '-m', message)
    return git(cwd, 'rev-parse', 'HEAD')
  }
  const baseSha = commit(base, 'base')
  const headSha = commit(head, 'head')
  return {cwd, base: baseSha, head: headSha}
}

interface StepRun {
  code: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: string
  annotations: string[]
}

/**
 * Run the action as the runner runs a `node20` action: `node <runs.main>`
 * from the action's folder, each input as `INPUT_<NAME>` (upper case,
 * hyphens kept) with the action's defaults for the rest, and a
 * pull_request event payload, a step summary file and an output file.
 */
function runStep(target: {cwd: string; base: string; head: string}, inputs: Record<string, string> = {}): StepRun {
  if (!action.runs.main) throw new Error('action.yml has no `runs.main`')
  const inputEnv: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? ''
  }
  const runner = fs.mkdtempSync(path.join(dir, 'runner-'))
  const summaryFile = path.join(runner, 'summary.md')
  const outputFile = path.join(runner, 'output')
  const eventFile = path.join(runner, 'event.json')
  fs.writeFileSync(
    eventFile,
    JSON.stringify({action: 'synchronize', pull_request: {number: 7, base: {ref: 'main', sha: target.base}, head: {ref: 'topic', sha: target.head}}})
  )
  const result = spawnSync(process.execPath, [path.join(root, action.runs.main)], {
    cwd: target.cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: root,
      GITHUB_WORKSPACE: target.cwd,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: 'topic',
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...inputEnv
    }
  })
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: read(summaryFile),
    outputs: read(outputFile),
    annotations: result.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line))
  }
}

describe('action.yml', () => {
  it('is a node20 action with one bundled entry kept in the repository: nothing to install, no setup-node', () => {
    expect(action.runs).toEqual({using: 'node20', main: 'action/dist/index.js'})
    expect(git(root, 'ls-files', 'action/dist/index.js')).toBe('action/dist/index.js')
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'files', 'fix', 'format-check', 'sarif-file'])
    expect(action.inputs.files?.default).toBe('specs/**/*.md')
  })

  it('annotates 10 errors and 10 warnings, errors first and changed files first, and fails', () => {
    const base: Record<string, string> = {'specs/clean.md': own(clean, 'clean')}
    for (let i = 1; i <= 12; i++) base[`specs/old-${String(i).padStart(2, '0')}.md`] = own(broken, `old ${i}`)
    const target = repo('many', base, {'specs/new.md': own(broken, 'new')})
    const result = runStep(target)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)

    const errors = result.annotations.filter((line) => line.startsWith('::error '))
    const warnings = result.annotations.filter((line) => line.startsWith('::warning '))
    expect(errors).toHaveLength(10)
    expect(warnings).toHaveLength(10)
    expect(result.annotations.slice(0, 10)).toEqual(errors)
    expect(errors[0]).toBe(
      '::error file=specs/new.md,line=9,endLine=9,col=12,endColumn=23,title=spec-lint(meta-status)::Unexpected Status `In Progress`, expected `in-progress`'
    )
    expect(errors.slice(1).map((line) => /file=([^,]+)/.exec(line)?.[1])).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `specs/old-${n}.md`)
    )
    expect(warnings[0]).toMatch(
      /^::warning file=specs\/new\.md,.*title=spec-lint\(section-order\)::Unexpected section `## Completion Promise` after `## Notes`/
    )

    const {summary} = result
    expect(summary).toMatch(/^## spec-lint\n\n❌ Failed: 13 errors and 13 warnings in 13 of 14 files \(fails on: error\)\./)
    const rows = summary.split('\n').filter((line) => line.startsWith('| `specs/'))
    const fileRows = rows.filter((line) => /^\| `[^`]+`( \(changed\))? \| \d+ \| \d+ \|/.test(line))
    expect(fileRows).toHaveLength(13)
    expect(fileRows[0]).toBe(
      '| `specs/new.md` (changed) | 1 | 1 | [`meta-status`](https://github.com/spec-lint/spec-lint/blob/main/docs/rules/meta-status.md), [`section-order`](https://github.com/spec-lint/spec-lint/blob/main/docs/rules/section-order.md) |'
    )
    expect(summary).toContain('Annotations show 20 of 26 messages')
    // Every message is in the full list, including the ones no annotation shows.
    const listed = rows.filter((line) => /^\| `specs\/[^`]+:\d+:\d+` \|/.test(line))
    expect(listed).toHaveLength(26)
    expect(listed).toContainEqual(
      expect.stringMatching(/^\| `specs\/old-12\.md:9:12` \| error \| Unexpected Status `In Progress`, expected `in-progress` \| \[`meta-status`\]\(/)
    )
    expect(result.outputs).toBe('errors=13\nwarnings=13\n')
  })

  it('passes clean specs with no annotations', () => {
    const result = runStep(repo('clean', {'specs/a.md': own(clean, 'a'), 'specs/b.md': own(clean, 'b')}), {'fail-on': 'warning'})
    expect(result.annotations).toEqual([])
    expect(result.summary).toBe('## spec-lint\n\n✅ Passed: no errors or warnings in 2 files (fails on: warning).\n\n')
    expect(result.code).toBe(0)
  })

  it('fails on warnings only with `fail-on: warning`', () => {
    const target = repo('warnings', {'specs/a.md': warningOnly})
    const lenient = runStep(target)
    expect(lenient.annotations).toEqual([expect.stringMatching(/^::warning file=specs\/a\.md,/)])
    expect(lenient.code).toBe(0)
    const strict = runStep(target, {'fail-on': 'warning'})
    expect(strict.summary).toMatch(/❌ Failed: 0 errors and 1 warning/)
    expect(strict.code).toBe(1)
  })

  it('with `fix: true`, fails when a fix would apply; writes SARIF; reads `config`', () => {
    const target = repo('fix', {
      'specs/a.md': clean.replace('| Status | in-progress |', '| Status | In Progress |'),
      'lint/spec-lint.json': JSON.stringify({rules: {'meta-status': 'warn'}})
    })
    const plain = runStep(target, {config: 'lint/spec-lint.json'})
    expect(plain.annotations).toEqual([expect.stringMatching(/^::warning file=specs\/a\.md,line=9,.*title=spec-lint\(meta-status\)::/)])
    expect(plain.code).toBe(0)

    const fix = runStep(target, {config: 'lint/spec-lint.json', fix: 'true', 'sarif-file': 'reports/spec-lint.sarif'})
    expect(fix.code).toBe(1)
    expect(fix.summary).toMatch(
      /^## spec-lint\n\n❌ Failed: `spec-lint --fix` would change 1 file; lint: 0 errors and 1 warning in 1 of 1 file \(fails on: error\)\./
    )
    expect(fix.summary).toContain('- Fixes would apply to `specs/a.md`: run `spec-lint --fix` and commit.')
    // `fix` checks rule fixes only: formatting is `format-check`'s.
    expect(fix.summary).not.toMatch(/Formatting|Not formatted/)
    expect(fs.readFileSync(path.join(target.cwd, 'specs/a.md'), 'utf8')).toContain('| Status | In Progress |')
    const sarif = JSON.parse(fs.readFileSync(path.join(target.cwd, 'reports/spec-lint.sarif'), 'utf8')) as {
      runs: Array<{results: Array<{ruleId: string; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
    }
    expect(sarif.runs[0]?.results).toMatchObject([
      {ruleId: 'meta-status', level: 'warning', locations: [{physicalLocation: {artifactLocation: {uri: 'specs/a.md'}}}]}
    ])
  })

  it('keeps `fix` and `format-check` apart, and names every file each would change', () => {
    // Lint-clean and fix-clean, but not in the canonical form: `* ` bullets become `- `.
    const canonical = (name: string) => formatSpec(own(clean, name))
    const loose = (name: string) => canonical(name).replace(/^- /gm, '* ')
    expect(loose('x')).not.toBe(canonical('x'))
    const target = repo('format', {'specs/a.md': loose('a'), 'specs/b.md': loose('b'), 'specs/c.md': canonical('c')})
    const fix = runStep(target, {fix: 'true'})
    expect(fix.summary).toBe('## spec-lint\n\n✅ Passed: no errors or warnings in 3 files (fails on: error).\n\n- Fixes: none would apply.\n\n')
    expect(fix.code).toBe(0)

    const format = runStep(target, {'format-check': 'true'})
    expect(format.code).toBe(1)
    expect(format.summary).toBe(
      '## spec-lint\n\n❌ Failed: `spec-lint --format` would change 2 files; lint: no errors or warnings in 3 files (fails on: error).\n\n' +
        '- Not formatted: `specs/a.md`, `specs/b.md`: run `spec-lint --format` and commit.\n\n'
    )
    expect(format.stdout).toContain('spec-lint: Not formatted: specs/a.md, specs/b.md: run spec-lint --format and commit.\n')
    // What the CLI's `--format --check` lists is what the action names.
    const cli = spawnSync(process.execPath, [path.join(root, 'dist/src/cli/bin.js'), '--format', '--check', 'specs'], {cwd: target.cwd, encoding: 'utf8'})
    expect(cli.stdout).toBe('specs/a.md\nspecs/b.md\n')
  })

  it('fails clearly when no file matches, or an input is invalid', () => {
    const target = repo('empty', {'README.md': '# Readme\n'})
    const none = runStep(target)
    expect(none.annotations).toEqual(['::error title=spec-lint::No Markdown files match `specs/**/*.md`'])
    expect(none.code).toBe(1)
    const bad = runStep(target, {'fail-on': 'never'})
    expect(bad.stdout).toBe('::error title=spec-lint::Unexpected `fail-on: never`, expected `error` or `warning`\n')
    expect(bad.code).toBe(1)
  })
})

describe('.github/workflows/spec-lint.yml', () => {
  it('runs this action on the repository’s example specs', () => {
    const workflow = YAML.parse(fs.readFileSync(path.join(root, '.github/workflows/spec-lint.yml'), 'utf8')) as {
      jobs: Record<string, {steps: Array<{uses?: string; with?: Record<string, string>}>}>
    }
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const self = steps.find((step) => step.uses === './')
    expect(self?.with?.files).toBe('fixtures/clean/*.md')
    const result = runStep({cwd: root, base: 'HEAD', head: 'HEAD'}, self?.with ?? {})
    expect(result.annotations).toEqual([])
    expect(result.code).toBe(0)
  })
})
