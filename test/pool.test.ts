import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateHuge} from '../bench/corpus.js'
import {workerCount} from '../src/engine/pool.js'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const one = {SPEC_LINT_WORKERS: '0'}
const two = {SPEC_LINT_WORKERS: '2'}
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-pool-'))
  // Real fixtures, clean and broken, with two files sharing a promise (a cross-file message).
  fs.cpSync(path.join(root, 'fixtures/clean'), path.join(dir, 'specs'), {recursive: true})
  for (const name of fs
    .readdirSync(path.join(root, 'fixtures/invalid'))
    .filter((f) => f.endsWith('.md'))
    .slice(0, 30)) {
    fs.copyFileSync(path.join(root, 'fixtures/invalid', name), path.join(dir, 'specs', name))
  }
  const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
  fs.writeFileSync(path.join(dir, 'specs/zz-copy.md'), clean)
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('the worker pool', () => {
  it('reports exactly what one thread reports, in the same order', () => {
    for (const report of [[], ['--report', 'sarif']]) {
      const alone = run(['--no-color', ...report, 'specs'], {cwd: dir, env: one})
      const pooled = run(['--no-color', ...report, 'specs'], {cwd: dir, env: two})
      expect(alone.stderr + alone.stdout).toMatch(/completion-promise-unique/)
      expect(pooled).toEqual(alone)
    }
  })

  it('fills and reads `--cache` the same way', () => {
    const args = ['--no-color', '--cache', '--cache-location', 'cache.json', 'specs']
    const alone = run(args, {cwd: dir, env: one})
    fs.rmSync(path.join(dir, 'cache.json'))
    const cold = run(args, {cwd: dir, env: two})
    expect(cold).toEqual(alone)
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'cache.json'), 'utf8')) as {entries: Record<string, unknown>}
    expect(Object.keys(stored.entries).length).toBeGreaterThan(20)
    expect(run(args, {cwd: dir, env: two})).toEqual(alone)
    fs.rmSync(path.join(dir, 'cache.json'))
  })

  it('makes a worker that runs out of memory one file’s error, not the run’s', () => {
    const big = path.join(dir, 'big')
    fs.mkdirSync(path.join(big, 'specs'), {recursive: true})
    fs.copyFileSync(path.join(root, 'fixtures/clean/backend-api.md'), path.join(big, 'specs/a.md'))
    fs.writeFileSync(path.join(big, 'specs/huge.md'), generateHuge(1, 800))
    // The default size limit follows the heap, so a worker with a small heap would refuse the file
    // before parsing; an explicit `--max-size` above what 24 MB can hold makes the worker run out.
    const result = run(['--no-color', '--max-size', '1mb', 'specs'], {cwd: big, env: {...two, SPEC_LINT_WORKER_HEAP_MB: '24'}})
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').filter((line) => /error|warning/.test(line) && !line.startsWith('✖'))
    expect(lines).toEqual([expect.stringMatching(/^specs\/huge\.md:1:1 +error +Cannot lint this file: its worker stopped \(.*memory.*\) +worker$/)])
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('stays on one thread for a few files, and when told to', () => {
    const file = path.join(root, 'fixtures/clean/backend-api.md')
    expect(workerCount([file], {})).toBe(0)
    expect(workerCount([path.join(root, 'fixtures')], {SPEC_LINT_WORKERS: '1'})).toBe(0)
    expect(workerCount([file], {SPEC_LINT_WORKERS: '2'})).toBe(2)
  })
})
