import {execFileSync} from 'node:child_process'

/** Run git in `cwd` with a throwaway identity and no signing, as the integration tests' temporary repositories need. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()
}
