import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {getSpec} from './model/plugin.js'
import type {Point, Position, SpecModel} from './model/schema.js'
import {parseRuleConfig} from './rule/config.js'
import type {Level} from './rule/config.js'
import {controlFile, source} from './rule/control.js'
import {joinRun} from './rule/cross-file.js'
import type {RunContext, RunFile} from './rule/cross-file.js'
import {reporter} from './rule/report.js'
import type {ReportExtra} from './rule/report.js'

export {source}
export {blockMemo} from './rule/blocks.js'
export type {BlockFinding} from './rule/blocks.js'
export {docsBase, relatedOf, isRelatedCause} from './rule/report.js'
export type {ReportExtra, RelatedPlace} from './rule/report.js'
export {parseRuleConfig, RuleConfigError} from './rule/config.js'
export type {Level, RuleConfig} from './rule/config.js'
export {runCrossFile, runFilesOf} from './rule/cross-file.js'
export type {RunContext, RunFile} from './rule/cross-file.js'

export type Category = 'document' | 'meta' | 'content' | 'plan' | 'completion'

export interface RuleExample {
  /** What the example shows, for the docs. */
  name?: string
  /** A whole or partial spec. */
  input: string
  /** The file path the example is linted as (default `specs/example.md`). */
  path?: string
  /** Options passed to the rule. */
  options?: unknown
  /** Expected messages, `line:column-line:column: reason`; none for a valid example. */
  messages?: string[]
  /** For a fixable rule: the text after every fix is applied. */
  output?: string
  /** Other specs linted in the same run, before this one (for cross-file rules). */
  files?: Array<{path: string; input: string}>
}

export interface RuleContext<Options> {
  file: VFile
  tree: Root
  source: string
  options: Options
  /** Shared unified settings (`--setting key=value`, a config's `settings`). */
  settings: Readonly<Record<string, unknown>>
  report(reason: string, place?: Position | Point, extra?: ReportExtra): void
}

export interface RuleDefinition<S extends z.ZodType = z.ZodType> {
  id: string
  summary: string
  /** What the rule checks, in Markdown, for the docs. */
  description: string
  /** Why it matters. */
  rationale: string
  category: Category
  recommended: Level
  strict: Level
  /** Options the `strict` preset passes (defaults otherwise). */
  strictOptions?: Record<string, unknown>
  fixable: boolean
  /** A zod object whose fields all have defaults: `options.parse(undefined ?? {})` must succeed. */
  options: S
  /** The per-file phase: one file's model. */
  check?(spec: SpecModel, ctx: RuleContext<z.output<S>>): void
  /**
   * The cross-file phase: once per run, after every file's own rules (files
   * restored from the cache too), over each file's summary
   * (`src/model/summary.ts`; a rule that needs more of the model adds it
   * there). Runs only when the engine lints several files as one run.
   */
  checkRun?(files: readonly RunFile[], ctx: RunContext<z.output<S>>): void
  examples: {valid: RuleExample[]; invalid: RuleExample[]}
}

export type SpecRulePlugin = ((this: Processor, config?: unknown, fileSet?: unknown) => ((tree: Root, file: VFile) => undefined) | undefined) & {
  rule: RuleDefinition
}

function isSpecRule(value: unknown): value is SpecRulePlugin {
  return typeof value === 'function' && 'rule' in value
}

/**
 * The last rule that runs on a processor's files, by declaration: the one
 * that applies disable comments, once, after every rule. unified runs
 * transformers in the order plugins were `use`d, and when an attacher runs
 * every plugin is already `use`d, so the list is complete. Whatever order a
 * configuration or preset gives, no extra plugin has to come last.
 */
const lastRules = new WeakMap<Processor, RuleDefinition | undefined>()

function lastRuleOf(processor: Processor): RuleDefinition | undefined {
  if (lastRules.has(processor)) return lastRules.get(processor)
  let last: RuleDefinition | undefined
  for (const [plugin, config] of processor.attachers) {
    if (!isSpecRule(plugin)) continue
    let level: Level = 'warn'
    try {
      level = parseRuleConfig(plugin.rule, config).level
    } catch {
      // The rule's own attacher reports its invalid configuration.
    }
    if (level !== 'off') last = plugin.rule
  }
  lastRules.set(processor, last)
  return last
}

/** Declare a rule: the declaration doubles as its docs, its tests and its unified plugin. */
export function defineRule<S extends z.ZodType>(definition: RuleDefinition<S>): SpecRulePlugin {
  if (!definition.check && !definition.checkRun) throw new Error(`Rule \`${definition.id}\` declares neither \`check\` nor \`checkRun\``)
  const declared = definition as unknown as RuleDefinition
  function plugin(this: Processor, config?: unknown, fileSet?: unknown) {
    const parsed = parseRuleConfig(definition, config)
    if (parsed.level === 'off') return undefined
    const settings = (this?.data('settings') ?? {}) as Readonly<Record<string, unknown>>
    joinRun(fileSet, definition, parsed, settings)
    // Without a processor (called by hand) nothing else runs after it.
    const last = this?.attachers ? lastRuleOf(this) : declared
    const controls = last === declared || last === undefined
    return function (tree: Root, file: VFile): undefined {
      const spec = getSpec(tree, file)
      if (definition.check) {
        const text = String(file.value ?? '')
        definition.check(spec, {
          file,
          tree,
          source: text,
          options: parsed.options,
          settings,
          report: reporter(definition.id, parsed.level, file, tree, text)
        })
      }
      if (controls) controlFile(tree, file, spec)
    }
  }
  Object.defineProperty(plugin, 'name', {value: definition.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())})
  return Object.assign(plugin, {rule: declared})
}

/** An empty options schema for rules without options. */
export const noOptions = z.object({}).strict()
