import {spawnSync} from 'node:child_process'
import path from 'node:path'

export const bin = path.resolve(import.meta.dirname, '../../dist/src/cli/bin.js')

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Run the built CLI as a real process. */
export function run(args: string[], options: {cwd?: string; input?: string; env?: NodeJS.ProcessEnv} = {}): RunResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env},
    timeout: 120_000
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
