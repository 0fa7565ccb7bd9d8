import fs from 'node:fs'
import path from 'node:path'

/** What the scaffold takes from the repository the spec is written into. */
export interface ProjectInfo {
  repo: string
  testCommand: string | null
  lintCommand: string | null
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

/**
 * Repo: `--repo`, else the nearest package.json `name` above the output
 * folder, else that folder's (or the pyproject's) folder name. Commands come
 * from the same package.json, else the nearest pyproject.toml.
 */
export function projectInfo(outputDir: string, repoOption?: string): ProjectInfo {
  const pkgFile = nearest(outputDir, 'package.json')
  const pyFile = nearest(outputDir, 'pyproject.toml')
  // The closer manifest wins when a Python project sits inside a JS one or the reverse.
  const usePy = pyFile !== null && (pkgFile === null || path.dirname(pyFile).length > path.dirname(pkgFile).length)
  let repo: string | null = repoOption?.trim() || null
  let testCommand: string | null = null
  let lintCommand: string | null = null
  if (usePy && pyFile) {
    const py = pythonCommands(readText(pyFile))
    repo ??= py.name ?? path.basename(path.dirname(pyFile))
    testCommand = py.test
    lintCommand = py.lint
  } else if (pkgFile) {
    const pkg = readJson(pkgFile) ?? {}
    const name = typeof pkg.name === 'string' && pkg.name.trim() ? pkg.name.trim() : null
    repo ??= name ?? path.basename(path.dirname(pkgFile))
    const npm = npmCommands(pkg)
    testCommand = npm.test
    lintCommand = npm.lint
  }
  if (!repo) {
    const git = nearest(outputDir, '.git')
    const root = git ? path.dirname(git) : path.basename(path.resolve(outputDir)) === 'specs' ? path.dirname(path.resolve(outputDir)) : path.resolve(outputDir)
    repo = path.basename(root) || 'repository'
  }
  return {repo, testCommand, lintCommand}
}
