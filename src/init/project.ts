import fs from 'node:fs'
import path from 'node:path'

/** What the scaffold takes from the repository the spec is written into. */
export interface ProjectInfo {
  repo: string
  testCommand: string | null
  lintCommand: string | null
  /** The repository's root folder (git, else the manifest's folder), when known. */
  root?: string | null
}

/** The nearest folder at or above `start` holding `name`, with its path. */
function nearest(start: string, name: string): string | null {
  let dir = path.resolve(start)
  for (;;) {
    const candidate = path.join(dir, name)
    if (fs.existsSync(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/** `npm test` / `npm run lint` when package.json declares those scripts. */
function npmCommands(pkg: Record<string, unknown>): {test: string | null; lint: string | null} {
  const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, unknown>) : {}
  const has = (name: string) => typeof scripts[name] === 'string' && !/no test specified/.test(String(scripts[name]))
  const lint = ['lint', 'lint:check', 'check'].find(has)
  return {test: has('test') ? 'npm test' : null, lint: lint ? (lint === 'lint' ? 'npm run lint' : `npm run ${lint}`) : null}
}

/** pytest / ruff (or flake8) when pyproject.toml configures or depends on them. */
function pythonCommands(pyproject: string): {test: string | null; lint: string | null; name: string | null} {
  const name = /^\[project\][^[]*?^name\s*=\s*["']([^"']+)["']/ms.exec(pyproject)?.[1] ?? null
  const test = /\bpytest\b/.test(pyproject) ? 'pytest' : null
  const lint = /\bruff\b/.test(pyproject) ? 'ruff check .' : /\bflake8\b/.test(pyproject) ? 'flake8' : null
  return {test, lint, name}
}

/** The git config of the repository holding `gitPath` (a `.git` folder, or a worktree's `.git` file). */
function gitConfig(gitPath: string): string {
  let dir = gitPath
  try {
    if (fs.statSync(gitPath).isFile()) {
      const pointer = /^gitdir:\s?(.+)$/m.exec(readText(gitPath))?.[1]?.trim()
      if (!pointer) return ''
      dir = path.resolve(path.dirname(gitPath), pointer)
      const common = readText(path.join(dir, 'commondir')).trim()
      if (common) dir = path.resolve(dir, common)
    }
  } catch {
    return ''
  }
  return readText(path.join(dir, 'config'))
}

/** The repository name a remote URL ends with (`git@host:team/gym-site.git` → `gym-site`). */
export function repoFromRemote(url: string): string | null {
  const trimmed = url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
  const name = trimmed.split(/[/:]/).pop()?.trim() ?? ''
  return name !== '' && !/\s/.test(name) ? name : null
}

/** `origin`'s URL, else the first remote's. */
function remoteUrl(config: string): string | null {
  let current: string | null = null
  const urls = new Map<string, string>()
  for (const line of config.split('\n')) {
    const section = /^\s*\[remote "([^"]+)"\]/.exec(line)
    if (section) {
      current = section[1] ?? null
      continue
    }
    if (/^\s*\[/.test(line)) current = null
    const url = /^\s*url\s?=\s?(.+)$/.exec(line)?.[1]
    if (current && url && !urls.has(current)) urls.set(current, url.trim())
  }
  return urls.get('origin') ?? urls.values().next().value ?? null
}

/**
 * Repo, first found: `--repo`, the discovery document's own `Repo` header,
 * the git remote's name, the git root's folder name, the nearest manifest's
 * name (package.json, pyproject.toml), then the output folder's name.
 * Commands come from the nearest manifest.
 */
export function projectInfo(outputDir: string, repoOption?: string, discoveryRepo?: string): ProjectInfo {
  const pkgFile = nearest(outputDir, 'package.json')
  const pyFile = nearest(outputDir, 'pyproject.toml')
  const git = nearest(outputDir, '.git')
  // The closer manifest wins when a Python project sits inside a JS one or the reverse.
  const usePy = pyFile !== null && (pkgFile === null || path.dirname(pyFile).length > path.dirname(pkgFile).length)
  let repo: string | null = repoOption?.trim() || discoveryRepo?.replace(/[`*_]/g, '').trim() || null
  if (!repo && git) {
    const url = remoteUrl(gitConfig(git))
    repo = (url ? repoFromRemote(url) : null) ?? (path.basename(path.dirname(git)) || null)
  }
  let testCommand: string | null = null
  let lintCommand: string | null = null
  let manifestRoot: string | null = null
  if (usePy && pyFile) {
    const py = pythonCommands(readText(pyFile))
    repo ??= py.name ?? path.basename(path.dirname(pyFile))
    testCommand = py.test
    lintCommand = py.lint
    manifestRoot = path.dirname(pyFile)
  } else if (pkgFile) {
    const pkg = readJson(pkgFile) ?? {}
    const name = typeof pkg.name === 'string' && pkg.name.trim() ? pkg.name.trim() : null
    repo ??= name ?? path.basename(path.dirname(pkgFile))
    const npm = npmCommands(pkg)
    testCommand = npm.test
    lintCommand = npm.lint
    manifestRoot = path.dirname(pkgFile)
  }
  const resolved = path.resolve(outputDir)
  const fallbackRoot = path.basename(resolved) === 'specs' ? path.dirname(resolved) : resolved
  repo ??= path.basename(fallbackRoot) || 'repository'
  return {repo, testCommand, lintCommand, root: git ? path.dirname(git) : (manifestRoot ?? fallbackRoot)}
}
