import {execFileSync, spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {git} from './helpers/git.js'
import YAML from 'yaml'
import {snippet, version} from './helpers/readme.js'

/**
 * Each snippet a user copies from the README, run as written in a fresh
 * repository that has spec-lint installed (node_modules/spec-lint is this
 * checkout, its bins linked as npm links them). The only stand-in is the
 * version: `v<package.json version>` is the release tag the snippets name.
 */
const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-readme-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

/** A git repository with spec-lint installed as a dependency, and the given files. */
function project(name: string, files: Record<string, string>): string {
  const cwd = path.join(dir, name)
  fs.mkdirSync(path.join(cwd, 'node_modules/.bin'), {recursive: true})
  fs.symlinkSync(root, path.join(cwd, 'node_modules/spec-lint'), 'dir')
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}
  for (const [bin, target] of Object.entries(pkg.bin)) {
    // As npm does when it links a package's bins.
    fs.chmodSync(path.join(root, target), 0o755)
    fs.symlinkSync(path.join(root, target), path.join(cwd, 'node_modules/.bin', bin))
  }
  for (const [file, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), {recursive: true})
    fs.writeFileSync(path.join(cwd, file), value)
  }
  git(cwd, 'init', '-q', '-b', 'main')
  return cwd
}

const env = (cwd: string) => ({...process.env, NO_COLOR: '1', PATH: `${path.join(cwd, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`})

describe('README snippets', () => {
  it('the version the pre-commit and Action snippets name is this package’s release tag', () => {
    const preCommit = YAML.parse(snippet('## pre-commit', 'yaml')) as {repos: Array<{repo: string; rev: string}>}
    expect(preCommit.repos[0]?.rev).toBe(`v${version}`)
    const workflow = YAML.parse(snippet('## GitHub Action', 'yaml')) as {jobs: Record<string, {steps: Array<{uses?: string}>}>}
    const uses = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((step) => step.uses?.startsWith('spec-lint/spec-lint@'))
    expect(uses?.uses).toBe(`spec-lint/spec-lint@v${version}`)
  })

  it('GitHub Action: the workflow’s `with` runs on the bundled entry with a simulated runner', () => {
    const workflow = YAML.parse(snippet('## GitHub Action', 'yaml')) as {jobs: Record<string, {steps: Array<{uses?: string; with?: Record<string, unknown>}>}>}
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.uses?.startsWith('spec-lint/spec-lint@'))
    const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {inputs: Record<string, {default?: string}>; runs: {main: string}}
    // Every input the snippet sets is one the action declares.
    for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name)
    const cwd = project('action', {'specs/a.md': broken})
    git(cwd, 'add', '-A')
    git(cwd, 'commit', '-q', '-m', 'specs')
    const head = git(cwd, 'rev-parse', 'HEAD')
    const runner = path.join(cwd, '..', 'action-runner')
    fs.mkdirSync(runner)
    fs.writeFileSync(path.join(runner, 'event.json'), JSON.stringify({pull_request: {base: {sha: head}, head: {sha: head}}}))
    const inputEnv: Record<string, string> = {}
    for (const [name, spec] of Object.entries(action.inputs)) {
      inputEnv[`INPUT_${name.toUpperCase()}`] = String(step?.with?.[name] ?? spec.default ?? '')
    }
    const result = spawnSync(process.execPath, [path.join(root, action.runs.main)], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: cwd,
        GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
        GITHUB_OUTPUT: path.join(runner, 'output'),
        ...inputEnv
      }
    })
    expect(result.stderr).toBe('')
    expect(result.code ?? result.status).toBe(1)
    expect(result.stdout).toMatch(/^::error file=specs\/a\.md,line=9,.*title=spec-lint\(meta-status\)::/m)
    const summary = fs.readFileSync(path.join(runner, 'summary.md'), 'utf8')
    expect(summary).toMatch(/^## spec-lint\n\n❌ Failed: `spec-lint --fix` would change 1 file; (.*; )?lint: 1 error and 0 warnings in 1 of 1 file/)
    expect(summary).toContain('- Fixes would apply to `specs/a.md`')
    // The SARIF file the snippet uploads exists and is SARIF.
    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, String(step?.with?.['sarif-file'])), 'utf8')) as {version: string}
    expect(sarif.version).toBe('2.1.0')
  })

  it('lint-staged: the package.json snippet blocks a broken spec with the real lint-staged', () => {
    const config = JSON.parse(snippet('## pre-commit', 'json')) as Record<string, unknown>
    const cwd = project('lint-staged', {'package.json': JSON.stringify({name: 'p', private: true, ...config}), 'specs/a.md': broken})
    git(cwd, 'add', '-A')
    const lintStaged = path.join(root, 'node_modules/.bin/lint-staged')
    const bad = spawnSync(lintStaged, [], {cwd, encoding: 'utf8', env: env(cwd), timeout: 120_000})
    expect(bad.status).toBe(1)
    expect(`${bad.stdout}${bad.stderr}`).toMatch(/Unexpected Status `In Progress`/)
    fs.writeFileSync(path.join(cwd, 'specs/a.md'), clean)
    git(cwd, 'add', '-A')
    const good = spawnSync(lintStaged, [], {cwd, encoding: 'utf8', env: env(cwd), timeout: 120_000})
    expect(good.status, `${good.stdout}${good.stderr}`).toBe(0)
  })

  it('the plain git hook: a commit with no staged spec passes, a broken one is blocked', () => {
    const hook = snippet('## pre-commit', 'sh')
    const cwd = project('git-hook', {'README.md': '# readme\n'})
    fs.writeFileSync(path.join(cwd, '.git/hooks/pre-commit'), hook, {mode: 0o755})
    const commit = () =>
      spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'x'], {
        cwd,
        encoding: 'utf8',
        env: env(cwd)
      })
    git(cwd, 'add', '-A')
    expect(commit().status).toBe(0)
    fs.mkdirSync(path.join(cwd, 'specs'))
    fs.writeFileSync(path.join(cwd, 'specs/a.md'), broken)
    git(cwd, 'add', '-A')
    const blocked = commit()
    expect(blocked.status).not.toBe(0)
    expect(blocked.stderr).toMatch(/specs\/a\.md:9:12/)
  })

  it('.remarkrc: the JSON and the .remarkrc.mjs snippets report spec-lint messages through remark-cli', () => {
    const remark = path.join(root, 'node_modules/.bin/remark')
    for (const [name, file, text] of [
      ['remarkrc-json', '.remarkrc', snippet('## Editors: the language server', 'json', 1)],
      ['remarkrc-mjs', '.remarkrc.mjs', snippet('### Using the rules from remark', 'js')]
    ] as const) {
      const cwd = project(name, {[file]: text, 'specs/a.md': broken})
      const result = spawnSync(process.execPath, [remark, '--frail', '--no-color', '--no-stdout', 'specs/a.md'], {
        cwd,
        encoding: 'utf8',
        env: env(cwd),
        timeout: 120_000
      })
      expect(result.stderr, name).toMatch(/Unexpected Status `In Progress`/)
      expect(result.status, name).toBe(1)
    }
  })

  it('markdownlint: the shipped configuration passes formatted specs with the real markdownlint-cli2', () => {
    const formatted = execFileSync(process.execPath, [path.join(root, 'dist/src/cli/bin.js'), '--format', '--stdin'], {input: clean, encoding: 'utf8'})
    // What the canonical form keeps: a lead-in line right above its list, a long table row.
    expect(formatted).toMatch(/\*\*[^*\n]+:\*\*\n- /)
    const cwd = project('markdownlint', {'.markdownlint.json': snippet('## Beside markdownlint', 'json'), 'specs/a.md': formatted})
    const cli = path.join(root, 'node_modules/.bin/markdownlint-cli2')
    const result = spawnSync(cli, ['specs/*.md'], {cwd, encoding: 'utf8', env: env(cwd), timeout: 120_000})
    expect(`${result.stdout}${result.stderr}`).toContain('Summary: 0 error(s)')
    expect(result.status).toBe(0)
    // Without it, markdownlint's defaults flag the canonical form.
    fs.rmSync(path.join(cwd, '.markdownlint.json'))
    const defaults = spawnSync(cli, ['specs/*.md'], {cwd, encoding: 'utf8', env: env(cwd), timeout: 120_000})
    expect(defaults.stderr).toMatch(/MD032\/blanks-around-lists/)
    expect(defaults.status).toBe(1)
  })

  it('VS Code and Neovim: the configured command starts the language server over stdio', async () => {
    const vscode = JSON.parse(snippet('## Editors: the language server', 'json', 0)) as Record<string, unknown>
    const lua = snippet('## Editors: the language server', 'lua')
    const nvimCmd = [...(/cmd = \{([^}]*)\}/.exec(lua)?.[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] as string)
    const commands = [[String(vscode['glspc.server.command']), ...(vscode['glspc.server.commandArguments'] as string[])], nvimCmd]
    expect(nvimCmd).toEqual(commands[0])
    const cwd = project('editor', {'specs/a.md': broken})
    for (const [command, ...args] of commands) {
      const child = spawn(command as string, args, {cwd, env: env(cwd), stdio: 'pipe'})
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
      connection.listen()
      const result = (await connection.sendRequest('initialize', {processId: null, rootUri: `file://${cwd}`, capabilities: {}})) as {
        capabilities: {codeActionProvider?: unknown}
      }
      expect(result.capabilities.codeActionProvider).toBeTruthy()
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
      await new Promise((resolve) => child.once('exit', resolve))
      connection.dispose()
    }
  }, 60_000)
})
