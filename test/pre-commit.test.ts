import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bin} from './helpers/cli.js'
import {snippet, version} from './helpers/readme.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')

function works(command: string, args: string[]): boolean {
  return spawnSync(command, args, {stdio: 'ignore', timeout: 30_000}).status === 0
}

/**
 * The real pre-commit, or a reason to skip. The test suite never installs
 * system packages: `.ci/run` installs pre-commit for CI.
 */
function preCommitUnavailable(): string | undefined {
  if (works('pre-commit', ['--version'])) return undefined
  return 'pre-commit is not installed (`apt-get install pre-commit` or `pipx install pre-commit`; .ci/run installs it)'
}

function skipReason(): string | undefined {
  if (!works('git', ['--version'])) return 'git is not available'
  if (!fs.existsSync(path.join(root, '.git'))) return 'this checkout is not a git repository (the hook repository is a snapshot of its files)'
  return preCommitUnavailable()
}

const reason = skipReason()
if (reason) console.warn(`Skipping the pre-commit tests: ${reason}`)
const help = spawnSync(process.execPath, [bin, '--help'], {encoding: 'utf8', timeout: 60_000}).stdout ?? ''
const fixAvailable = /--fix\b/.test(help)
if (!reason && !fixAvailable) console.warn('Skipping the spec-lint-fix hook test: this spec-lint has no `--fix` yet')

let dir: string
let hookRepo: string
// One pre-commit cache for the run: the hook environment (npm install, build) is made once.
let cache: string

/** The environment for git and pre-commit: ours, without what an outer git hook may have set. */
function env(): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {...process.env, PRE_COMMIT_HOME: cache, npm_config_prefer_offline: 'true', NO_COLOR: '1'}
  for (const key of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_PREFIX']) delete result[key]
  return result
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/** `git commit` through the installed pre-commit hook. */
function commit(cwd: string, message: string): {code: number | null; output: string} {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', 'commit', '-m', message], {
    cwd,
    encoding: 'utf8',
    env: env(),
    timeout: 120_000
  })
  return {code: result.status, output: `${result.stdout}${result.stderr}`}
}

/** A project that uses this repository's hooks, with the hook installed in git. */
function project(name: string, hooks: string[]): string {
  const cwd = path.join(dir, name)
  fs.mkdirSync(cwd)
  git(cwd, 'init', '-q')
  fs.writeFileSync(path.join(cwd, '.pre-commit-config.yaml'), readmeConfig(hooks))
  git(cwd, 'add', '-A')
  git(cwd, 'commit', '-q', '-m', 'Use spec-lint')
  execFileSync('pre-commit', ['install'], {cwd, env: env(), stdio: 'ignore', timeout: 60_000})
  return cwd
}

/**
 * The README's `.pre-commit-config.yaml` as written, with the one stand-in
 * made explicit: the repository URL is the local snapshot, which carries the
 * README's `rev` (`v<version>`) as a tag. A hook the README leaves commented
 * out is uncommented when asked for; one not asked for is left out.
 */
function readmeConfig(hooks: string[]): string {
  let text = snippet('## pre-commit', 'yaml')
  if (!text.includes('repo: https://github.com/spec-lint/spec-lint\n') || !text.includes(`rev: v${version}\n`)) {
    throw new Error('README pre-commit snippet: expected `repo: https://github.com/spec-lint/spec-lint` and `rev: v<version>`')
  }
  text = text.replace('https://github.com/spec-lint/spec-lint', hookRepo)
  if (hooks.includes('spec-lint-fix')) text = text.replace('# - id: spec-lint-fix ', '- id: spec-lint-fix   ')
  if (!hooks.includes('spec-lint')) text = text.replace(/^ +- id: spec-lint +#.*\n/m, '')
  return text
}

function write(cwd: string, file: string, value: string): void {
  fs.mkdirSync(path.dirname(path.join(cwd, file)), {recursive: true})
  fs.writeFileSync(path.join(cwd, file), value)
}

describe.skipIf(reason !== undefined)('pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit', () => {
  let lintProject: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-pre-commit-'))
    cache = path.join(dir, 'cache')
    // The hook repository: a git snapshot of this checkout's files (committed or not).
    hookRepo = path.join(dir, 'hook-repo')
    fs.mkdirSync(hookRepo)
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, encoding: 'utf8', env: env()})
      .split('\0')
      .filter((file) => file && fs.existsSync(path.join(root, file)))
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(hookRepo, file)), {recursive: true})
      fs.copyFileSync(path.join(root, file), path.join(hookRepo, file))
    }
    git(hookRepo, 'init', '-q')
    git(hookRepo, 'add', '-A')
    git(hookRepo, 'commit', '-q', '-m', 'snapshot')

    // The release tag the README's `rev` names.
    git(hookRepo, 'tag', `v${version}`)

    lintProject = project('lint', ['spec-lint'])
    // Build the hooks' node environment once, bounded (npm install from the
    // local repository, `prepare` builds with tsc).
    const install = spawnSync('pre-commit', ['install-hooks'], {cwd: lintProject, encoding: 'utf8', env: env(), timeout: 280_000})
    if (install.status !== 0) throw new Error(`pre-commit install-hooks failed:\n${install.stdout}${install.stderr}`)
  }, 300_000)

  afterAll(() => {
    if (dir) fs.rmSync(dir, {recursive: true, force: true})
  })

  it('blocks a commit of a broken spec and shows the messages', () => {
    const head = git(lintProject, 'rev-parse', 'HEAD')
    write(lintProject, 'specs/auth.md', broken)
    git(lintProject, 'add', '-A')
    const result = commit(lintProject, 'Add a broken spec')
    expect(result.output).toMatch(/^spec-lint\.+Failed$/m)
    expect(result.output).toMatch(/^specs\/auth\.md:9:12-9:23 +error +Unexpected Status `In Progress`, expected `in-progress` +meta-status$/m)
    expect(result.code).toBe(1)
    expect(git(lintProject, 'rev-parse', 'HEAD')).toBe(head)
  })

  it('commits a clean spec, and leaves Markdown outside specs/ alone', () => {
    const head = git(lintProject, 'rev-parse', 'HEAD')
    write(lintProject, 'specs/auth.md', clean)
    write(lintProject, 'notes/draft.md', broken)
    git(lintProject, 'add', '-A')
    const result = commit(lintProject, 'Add a clean spec')
    expect(result.output).toMatch(/^spec-lint\.+Passed$/m)
    expect(result.code).toBe(0)
    expect(git(lintProject, 'rev-parse', 'HEAD')).not.toBe(head)
    expect(git(lintProject, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['notes/draft.md', 'specs/auth.md'])
  })

  it.skipIf(!fixAvailable)('spec-lint-fix fixes a staged spec and fails the commit, then the fixed spec commits', () => {
    const cwd = project('fix', ['spec-lint-fix'])
    write(cwd, 'specs/auth.md', broken)
    git(cwd, 'add', '-A')
    const first = commit(cwd, 'Add a spec')
    expect(first.output).toMatch(/^spec-lint --fix\.+Failed$/m)
    expect(first.output).toMatch(/files were modified by this hook/)
    expect(first.code).toBe(1)
    expect(fs.readFileSync(path.join(cwd, 'specs/auth.md'), 'utf8')).toContain('| Status | in-progress |')
    git(cwd, 'add', '-A')
    const second = commit(cwd, 'Add a spec')
    expect(second.output).toMatch(/^spec-lint --fix\.+Passed$/m)
    expect(second.code).toBe(0)
  })
})
