import {execFileSync} from 'node:child_process'
import fs from 'node:fs'

interface PullRequestEvent {
  pull_request?: {base?: {sha?: string; ref?: string}; head?: {sha?: string}}
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000})
  } catch {
    return undefined
  }
}

/**
 * Files the pull request changes, repository-relative, so their annotations
 * come first. From the event payload's base and head commits, else
 * `GITHUB_BASE_REF`; empty when neither can be diffed (a push, a shallow
 * checkout without the base): then no file is preferred.
 */
export function changedFiles(cwd: string, env: NodeJS.ProcessEnv = process.env): Set<string> {
  let base: string | undefined
  let head = 'HEAD'
  if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
    try {
      const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent
      base = event.pull_request?.base?.sha
      head = event.pull_request?.head?.sha ?? head
    } catch {
      // Not JSON: fall back to GITHUB_BASE_REF.
    }
  }
  const candidates = [base, env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined, env.GITHUB_BASE_REF]
  for (const candidate of candidates) {
    if (!candidate) continue
    const out = git(cwd, ['diff', '--name-only', '--no-renames', '--diff-filter=d', `${candidate}...${head}`])
    if (out !== undefined) return new Set(out.split('\n').filter(Boolean))
  }
  return new Set()
}
