import {spawn} from 'node:child_process'
import fs from 'node:fs'
import v8 from 'node:v8'

/**
 * Parsing many files is bound by garbage collection; a larger young
 * generation (`--max-semi-space-size=64`) cut CPU time by 7% for spec-lint and
 * 26% for a bare parse over 100 generated specs (see bench/results.md), at
 * about 50% more peak memory. V8 reads the flag only at start, so a large run
 * (a folder, a glob, or many files) restarts Node with it once. Small runs —
 * an editor or a hook on a few files — keep the cheaper start.
 */
const flag = '--max-semi-space-size=64'
const guard = 'SPEC_LINT_NO_RESPAWN'
const manyFiles = 50

export function wantsRespawn(argv: string[]): boolean {
  if (process.env[guard] || process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return false
  let files = 0
  for (const arg of argv) {
    if (arg.startsWith('-')) continue
    if (/[*?[{]/.test(arg)) return true
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(arg)
    } catch {
      continue
    }
    if (stat.isDirectory()) return true
    if (stat.isFile() && ++files >= manyFiles) return true
  }
  return false
}

/**
 * V8 aborts on heap exhaustion with a native stack that no handler in the
 * process can catch; the parent sees it on the child's stderr and turns it
 * into one line.
 */
const outOfMemory = /^<--- Last few GCs --->|^FATAL ERROR: .*heap out of memory|^#\s*Fatal (?:javascript|process) OOM/

/** Run this CLI again under the flag; resolves to the child's exit code. */
export function respawn(script: string, argv: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, flag, script, ...argv], {
      stdio: ['inherit', 'inherit', 'pipe'],
      env: {...process.env, [guard]: '1'}
    })
    let exhausted = false
    let partial = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      if (exhausted) return
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        if (outOfMemory.test(line.trim())) {
          exhausted = true
          return
        }
        process.stderr.write(line + '\n')
      }
    })
    // The terminal sends SIGINT to both; the child decides how to end.
    const ignore = () => {}
    process.on('SIGINT', ignore)
    process.on('SIGTERM', () => child.kill('SIGTERM'))
    child.on('error', () => resolve(-1))
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore)
      if (!exhausted && partial) process.stderr.write(partial)
      if (exhausted) {
        const heap = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20)
        process.stderr.write(
          `spec-lint: Out of memory (a heap of about ${heap} MB), expected fewer or smaller files per run (lint them in parts, or raise the heap with \`NODE_OPTIONS=--max-old-space-size=<mb>\`)\n`
        )
        resolve(2)
        return
      }
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1))
    })
  })
}
