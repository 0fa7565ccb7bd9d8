import fs from 'node:fs'
import os from 'node:os'
import type {Root} from 'mdast'
import type {Pluggable, Processor, RunCallback} from 'unified'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {specFromSummary} from '../model/summary.js'
import {specProcessor} from '../parse/processor.js'
import type {LintCache} from './cache.js'
import {getInputLimits} from './engine.js'
import {fromWire} from './message-data.js'
import type {WorkerResult} from './pool-wire.js'
import recordRules, {isSpecRule} from './record-rules.js'
import type {WorkerTask} from './pool-worker.js'

declare module 'vfile' {
  interface DataMap {
    /** The file is linted by a worker: the main thread did not parse it. */
    specPooled: boolean
  }
}

/** Below this many files a run stays on one thread: starting workers costs more than it wins. */
const enoughFiles = 16

/**
 * Worker threads for this run: `SPEC_LINT_WORKERS` when set (`0` or `1`:
 * none), else one per core when the paths name a folder, a glob or enough
 * files, on a machine with more than one core.
 */
export function workerCount(paths: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  const asked = env.SPEC_LINT_WORKERS
  if (asked !== undefined && asked !== '') {
    const count = Number(asked)
    return Number.isInteger(count) && count > 1 ? Math.min(count, 16) : 0
  }
  if (cores < 2) return 0
  let files = 0
  for (const target of paths) {
    if (/[*?[{]/.test(target)) return cores
    try {
      const stat = fs.statSync(target)
      if (stat.isDirectory()) return cores
      if (stat.isFile()) files++
    } catch {
      // Not a path (yet): the engine reports it.
    }
  }
  return files >= enoughFiles ? cores : 0
}

export interface LintPool {
  run(task: WorkerTask): Promise<WorkerResult>
  close(): Promise<void>
}

export async function createPool(threads: number, env: NodeJS.ProcessEnv = process.env): Promise<LintPool> {
  // `SPEC_LINT_WORKER_HEAP_MB` caps each worker's heap: a file that exhausts it fails alone.
  const heap = Number(env.SPEC_LINT_WORKER_HEAP_MB)
  const {default: Tinypool} = await import('tinypool')
  const pool = new Tinypool({
    filename: new URL('./pool-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // No idle timeout: the run ends the pool itself.
    idleTimeout: 0,
    // Not the main thread's larger young generation (the respawn's flag) in every worker: memory.
    resourceLimits: {maxYoungGenerationSizeMb: 16, ...(Number.isInteger(heap) && heap > 0 ? {maxOldGenerationSizeMb: heap} : {})}
  })
  return {
    run: (task) => pool.run(task) as Promise<WorkerResult>,
    close: () => pool.destroy()
  }
}

/** The rules of a configured processor as ids and options, or undefined when it has plugins a worker cannot rebuild. */
function rulesOf(processor: Processor, own: ReadonlySet<unknown>): WorkerTask['rules'] | undefined {
  const rules: WorkerTask['rules'] = []
  for (const [plugin, options] of processor.attachers) {
    if (own.has(plugin)) continue
    if (!isSpecRule(plugin)) return undefined
    rules.push([plugin.rule.id, options])
  }
  return rules
}

/**
 * Engine options that hand each file to a worker: the main thread reads the
 * file and resolves its configuration as before, a worker parses, builds
 * the model and runs the per-file rules, and the file comes back as a cache
 * hit does: its messages and the summary cross-file rules read, which run
 * on the main thread at the end. Files keep the engine's order, so the
 * report is the one-thread report. A file with disable comments, or with
 * plugins other than spec-lint's rules, is linted on the main thread.
 */
export function pooledRun(options: EngineOptions, lean: EngineOptions, pool: LintPool, cache?: LintCache): EngineOptions {
  const base = options.processor
  if (!base) return lean
  const given = new Set<unknown>(pluginFunctions(options.plugins))
  const added = pluginFunctions(lean.plugins).filter((plugin) => !given.has(plugin))
  const own = new Set<unknown>([...specProcessor().attachers.map(([plugin]) => plugin), recordRules, ...added])
  const limits = getInputLimits()
  const processor = () => {
    const fresh = base()
    const parse = fresh.parse.bind(fresh)
    const run = fresh.run.bind(fresh)
    Object.assign(fresh, {
      parse(file: VFile) {
        if (cache?.restore(file, fresh)) {
          fresh.freeze()
          return emptyRoot()
        }
        // Attach the plugins anyway: cross-file rules register their completer on attach.
        fresh.freeze()
        file.data.specPooled = true
        return emptyRoot()
      },
      run(tree: Root, file: VFile, done?: RunCallback<Root>) {
        if (typeof done !== 'function') return run(tree, file)
        if (file.data.specCacheHit) {
          done(undefined, tree, file)
          return undefined
        }
        const local = () => {
          file.data.specPooled = false
          Object.assign(tree, parse(file))
          if (file.data.specRefused) done(undefined, tree, file)
          else run(tree, file, done)
        }
        const rules = file.data.specPooled ? rulesOf(fresh, own) : undefined
        if (!rules) {
          local()
          return undefined
        }
        const task: WorkerTask = {path: file.path, cwd: file.cwd, value: String(file.value ?? ''), rules, settings: {...(fresh.data('settings') ?? {})}, limits}
        pool.run(task).then(
          (result) => {
            if (result.local) return local()
            for (const message of result.messages) fromWire(file, message)
            if (result.specRules) file.data.specRules = result.specRules
            if (result.inputs.length > 0) file.data.specInputs = result.inputs
            if (result.refused) file.data.specRefused = true
            cache?.store(file, result.summary)
            file.data.spec = specFromSummary(result.summary)
            done(undefined, tree, file)
          },
          (error: unknown) => {
            // A worker that dies (out of memory, a crash) costs this file, not the run.
            const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
            file.message(`Cannot lint this file: its worker stopped (${reason})`, {ruleId: 'worker', source: 'spec-lint'}).fatal = true
            done(undefined, tree, file)
          }
        )
        return undefined
      }
    })
    return fresh
  }
  return {...lean, processor}
}

function emptyRoot(): Root {
  return {type: 'root', children: []}
}

function pluginFunctions(plugins: EngineOptions['plugins']): unknown[] {
  const list: unknown[] = Array.isArray(plugins) ? plugins : plugins ? Object.entries(plugins) : []
  return list.map((entry) => (Array.isArray(entry) ? (entry[0] as Pluggable) : entry))
}
