import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {Processor, RunCallback} from 'unified'
import type {Node} from 'unist'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {fromWire, toWire} from './message-data.js'
import {isRelatedCause} from '../rule.js'
import {z} from 'zod'
import {promiseSchema} from '../model/schema.js'
import {specFromSummary, summarize} from '../model/summary.js'
import type {SpecSummary} from '../model/summary.js'
import {writeFileAtomicSync as writeAtomic} from '../edit/write-atomic.js'
import {inputCurrent} from '../parse/inputs.js'

declare module 'vfile' {
  interface DataMap {
    /** Content and configuration hashes of a file linted this run (a cache miss). */
    specCacheKey: {content: string; config: string}
    /** The file's messages came from the cache: nothing was parsed or run. */
    specCacheHit: boolean
  }
}

const pointSchema = z.object({line: z.number(), column: z.number(), offset: z.number().optional()})
const placeSchema = z.union([pointSchema, z.object({start: pointSchema, end: pointSchema})])

const messageSchema = z.object({
  reason: z.string(),
  place: placeSchema.nullable(),
  ruleId: z.string().nullable(),
  source: z.string().nullable(),
  fatal: z.boolean().nullable(),
  url: z.string().nullable(),
  expected: z.array(z.string()).nullable(),
  actual: z.string().nullable(),
  note: z.string().nullable(),
  causes: z.array(z.string()).optional(),
  /** Places the message refers to (`message.related`, the first also its `cause`). */
  related: z.array(z.object({reason: z.string(), file: z.string().nullable(), place: placeSchema.nullable()})).optional()
})

const inputSchema = z.union([
  z.object({kind: z.enum(['exists', 'content']), path: z.string(), state: z.string()}),
  z.object({kind: z.literal('date'), state: z.string()})
])

const entrySchema = z.object({
  content: z.string(),
  config: z.string(),
  /** Other files and the date the rules read: the entry is current only while each is unchanged. */
  inputs: z.array(inputSchema),
  messages: z.array(messageSchema),
  summary: z.object({promises: z.array(promiseSchema)})
})

/** Written into every cache file: a file without it is not ours and is never written over. */
export const cacheSignature = 'spec-lint cache'

const cacheSchema = z.object({signature: z.literal(cacheSignature), version: z.string(), entries: z.record(z.string(), entrySchema)})

/** `--cache-location` names something that is not a spec-lint cache. */
export class CacheLocationError extends Error {
  constructor(
    readonly location: string,
    reason: string
  ) {
    super(
      `Unexpected cache location \`${path.relative(process.cwd(), location) || location}\`: ${reason}, expected a spec-lint cache file, a new path or a folder (not overwritten)`
    )
    this.name = 'CacheLocationError'
  }
}

/**
 * Where the cache lives, as ESLint reads `--cache-location`: a path ending in
 * a separator, or an existing folder, holds `.speclintcache`; anything else
 * is the file itself.
 */
const defaultName = '.speclintcache'

export function cacheFile(cwd: string, given: string | undefined): string {
  const name = defaultName
  if (given === undefined) return path.resolve(cwd, name)
  const resolved = path.resolve(cwd, given)
  if (/[\\/]$/.test(given)) return path.join(resolved, name)
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, name)
  } catch {
    // Not there yet: the file to create.
  }
  return resolved
}

/**
 * Whether a file's text is a cache we wrote (any version), so it may be
 * replaced. A file named `.speclintcache` is ours by its name, even damaged.
 */
function isOurs(location: string, raw: string): boolean {
  if (path.basename(location) === defaultName || raw.trim() === '') return true
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    if ('signature' in value) return value.signature === cacheSignature
    // Caches from before the signature: exactly a version and the entries.
    const keys = Object.keys(value).sort()
    return keys.length === 2 && keys[0] === 'entries' && keys[1] === 'version'
  } catch {
    return false
  }
}

type Entry = z.infer<typeof entrySchema>

function hash(value: string): string {
  return createHash('sha1').update(value).digest('base64url')
}

/**
 * Lint results across runs (`--cache`). An entry is used when the file's
 * content, its resolved configuration and spec-lint's version are the ones it
 * was stored with; it holds the file's own messages and the summary
 * cross-file rules need, so those still see every file.
 */
export class LintCache {
  private entries: Record<string, Entry> = {}
  private dirty = false
  private readonly configs = new WeakMap<Processor, string>()

  constructor(
    readonly location: string,
    readonly version: string,
    /** Keys are paths relative to this folder, so a cache restored in another checkout (CI) still hits. */
    readonly cwd: string = process.cwd()
  ) {
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(location)
    } catch {
      // No cache yet.
    }
    if (stat && !stat.isFile()) throw new CacheLocationError(location, 'not a regular file')
    if (!stat) return
    let raw: string
    try {
      // A cache is a few hundred bytes per file; a huge file there is something else.
      raw = stat.size > 512 * 1024 * 1024 ? '-' : fs.readFileSync(location, 'utf8')
    } catch (error) {
      throw new CacheLocationError(location, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    if (!isOurs(location, raw)) throw new CacheLocationError(location, 'it holds something else')
    try {
      const parsed = cacheSchema.safeParse(JSON.parse(raw))
      // A cache from another version, or one that does not parse, is dropped whole.
      if (parsed.success && parsed.data.version === version) this.entries = parsed.data.entries
      else this.dirty = true
    } catch {
      this.dirty = true
    }
  }

  /**
   * A hash of what changes a file's result besides its content: plugins,
   * their options, settings. spec-lint's own rules are named by id (the
   * version covers their code); any other plugin, and any function in
   * options, by its code, so editing a local plugin invalidates the cache.
   */
  configOf(processor: Processor): string {
    const known = this.configs.get(processor)
    if (known) return known
    const plugins = processor.attachers.map(([plugin, options]) => {
      const id = 'rule' in plugin && isRuleCarrier(plugin.rule) ? plugin.rule.id : `${plugin.name}:${hash(String(plugin))}`
      return [id, options ?? null]
    })
    const value = hash(
      JSON.stringify([plugins, processor.data('settings') ?? null], (_, inner: unknown) =>
        typeof inner === 'function' ? `[${inner.name}:${hash(String(inner))}]` : inner
      )
    )
    this.configs.set(processor, value)
    return value
  }

  private keyOf(file: VFile): string {
    return path.relative(this.cwd, path.resolve(file.cwd, file.path)).split(path.sep).join('/')
  }

  /** Restore a file from the cache when its entry is current; true on a hit. */
  restore(file: VFile, processor: Processor): boolean {
    const content = hash(String(file.value ?? ''))
    const config = this.configOf(processor)
    const entry = this.entries[this.keyOf(file)]
    if (!entry || entry.content !== content || entry.config !== config || !entry.inputs.every(inputCurrent)) {
      file.data.specCacheKey = {content, config}
      return false
    }
    for (const stored of entry.messages) fromWire(file, stored)
    file.data.spec = specFromSummary(entry.summary)
    file.data.specCacheHit = true
    return true
  }

  /** Keep a linted file's messages and summary; files whose messages carry errors are not kept. */
  store(file: VFile, summary: SpecSummary): void {
    const key = file.data.specCacheKey
    if (!key || file.messages.some((m) => m.cause !== undefined && !isRelatedCause(m))) return
    this.entries[this.keyOf(file)] = {...key, inputs: file.data.specInputs ?? [], messages: file.messages.map(toWire), summary}
    this.dirty = true
  }

  save(): void {
    if (!this.dirty) return
    writeAtomic(this.location, JSON.stringify({signature: cacheSignature, version: this.version, entries: this.entries}))
    this.dirty = false
  }
}

function isRuleCarrier(value: unknown): value is {id: string} {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
}

/** Whether the engine will compile files (then it needs every tree to the end). */
function compiles(options: EngineOptions): boolean {
  return Boolean(options.out || options.output || options.treeOut || options.inspect || options.alwaysStringify)
}

/**
 * Engine options for a plain lint run: each file's tree is dropped as soon as
 * its own rules are done (unified-engine keeps every file's context until the
 * last file is through, which is what makes remark-cli's memory grow with the
 * run), its model shrinks to the summary cross-file rules read, and with a
 * cache, hits skip parsing and rules altogether.
 */
export function leanRun(options: EngineOptions, cache?: LintCache): EngineOptions {
  if (compiles(options)) return options
  const base = options.processor
  const processor = cache
    ? () => {
        const fresh = base()
        const parse = fresh.parse.bind(fresh)
        const run = fresh.run.bind(fresh)
        const emptyRoot = (): Root => ({type: 'root', children: []})
        Object.assign(fresh, {
          parse(file: VFile) {
            if (!cache.restore(file, fresh)) return parse(file)
            // Attach the plugins anyway: cross-file rules register their completer on attach.
            fresh.freeze()
            return emptyRoot()
          },
          run(tree: Root, file: VFile, done?: RunCallback<Root>) {
            if (typeof done !== 'function') return run(tree, file)
            if (file.data.specCacheHit) {
              done(undefined, tree, file)
              return undefined
            }
            return run(tree, file, done)
          }
        })
        return fresh
      }
    : base
  function release() {
    return (tree: Node, file: VFile): undefined => {
      // Disable comments are applied to cross-file messages later, over the tree:
      // such files (few) keep their tree and model and are not cached.
      if (file.data.spec && file.data.spec.controlComments.length > 0) return
      const summary = file.data.spec ? summarize(file.data.spec) : {promises: []}
      cache?.store(file, summary)
      if (file.data.spec) file.data.spec = specFromSummary(summary)
      // The engine holds `tree` until the whole run is through; emptied, it holds nothing.
      if ('children' in tree && Array.isArray(tree.children)) tree.children.length = 0
    }
  }
  const given = options.plugins
  const plugins = Array.isArray(given) ? given : given ? Object.entries(given) : []
  return {...options, processor, plugins: [...plugins, release]}
}
