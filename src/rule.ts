import type {Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import type {Processor} from 'unified'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {getSpec} from './model/plugin.js'
import type {Point, Position, SpecModel} from './model/schema.js'

export const source = 'spec-lint'
/** Where each rule's generated page lives: `docs/rules/<id>.md` in the repository. */
export const docsBase = 'https://github.com/spec-lint/spec-lint/blob/main/docs/rules/'

export type Level = 'off' | 'warn' | 'error'
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

export interface ReportExtra {
  /** Replacement text for `place`; the first entry is the fix. */
  expected?: string[]
  actual?: string
  note?: string
  cause?: Error
  /**
   * `warning`: report as a warning even when the rule runs as an error;
   * `error`: report as an error even when the rule runs as a warning.
   */
  severity?: 'warning' | 'error'
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
  check(spec: SpecModel, ctx: RuleContext<z.output<S>>): void
  /**
   * Called when the plugin is attached, with the engine's file set when the
   * rule runs under unified-engine (cross-file rules register completers here).
   */
  attach?(setup: {options: z.output<S>; level: Level; fileSet: unknown}): void
  examples: {valid: RuleExample[]; invalid: RuleExample[]}
}

export type SpecRulePlugin = ((this: Processor, config?: unknown, fileSet?: unknown) => ((tree: Root, file: VFile) => undefined) | undefined) & {
  rule: RuleDefinition
}

export class RuleConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RuleConfigError'
  }
}

const levels: Record<string, Level> = {
  off: 'off',
  false: 'off',
  '0': 'off',
  on: 'warn',
  true: 'warn',
  warn: 'warn',
  warning: 'warn',
  '1': 'warn',
  error: 'error',
  '2': 'error'
}

function levelOf(value: unknown): Level | undefined {
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return levels[String(value)]
  }
  return undefined
}

/**
 * Read a rule's configuration in the remark-lint convention: a level
 * (`'error'`, `2`, `false`, …), `[level, options]`, or bare options.
 */
export function parseRuleConfig<S extends z.ZodType>(
  rule: RuleDefinition<S>,
  config: unknown
): {level: Level; options: z.output<S>} {
  let level: Level = 'warn'
  let raw: unknown
  if (config === undefined || config === null) {
    raw = undefined
  } else if (Array.isArray(config)) {
    const first = levelOf(config[0])
    if (first === undefined) {
      throw new RuleConfigError(
        `Invalid severity for spec-lint rule \`${rule.id}\`: \`${JSON.stringify(config[0])}\`, expected \`off\`, \`warn\`, \`error\` or 0, 1, 2`
      )
    }
    level = first
    raw = config[1]
  } else {
    const only = levelOf(config)
    if (only !== undefined) level = only
    else if (typeof config === 'object') raw = config
    else {
      throw new RuleConfigError(
        `Invalid configuration for spec-lint rule \`${rule.id}\`: \`${JSON.stringify(config)}\`, expected a severity, \`[severity, options]\` or options`
      )
    }
  }
  const parsed = rule.options.safeParse(raw ?? {})
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '') + issue.message)
      .join('; ')
    throw new RuleConfigError(`Invalid options for spec-lint rule \`${rule.id}\`: ${detail}`)
  }
  return {level, options: parsed.data}
}

/** Declare a rule: the declaration doubles as its docs, its tests and its unified plugin. */
export function defineRule<S extends z.ZodType>(definition: RuleDefinition<S>): SpecRulePlugin {
  const url = docsBase + definition.id + '.md'
  function plugin(this: Processor, config?: unknown, fileSet?: unknown) {
    const {level, options} = parseRuleConfig(definition, config)
    if (level === 'off') return undefined
    definition.attach?.({options, level, fileSet})
    const settings = (this?.data('settings') ?? {}) as Readonly<Record<string, unknown>>
    return function (tree: Root, file: VFile): undefined {
      const spec = getSpec(tree, file)
      const text = String(file.value ?? '')
      const ctx: RuleContext<z.output<S>> = {
        file,
        tree,
        source: text,
        options,
        settings,
        report(reason, place, extra = {}) {
          const message = file.message(reason, {
            place,
            ruleId: definition.id,
            source,
            ...(extra.cause === undefined ? {} : {cause: extra.cause})
          })
          message.url = url
          message.fatal = extra.severity === 'error' || (level === 'error' && extra.severity !== 'warning')
          // A fix that lands in a code block or comment never takes effect: offering
          // it would make `--fix` insert the same text on every pass.
          if (extra.expected && !(place && swallowed(tree, text, 'start' in place ? place.start.offset : place.offset))) {
            message.expected = extra.expected
          }
          if (extra.actual !== undefined) message.actual = extra.actual
          if (extra.note !== undefined) message.note = extra.note
        }
      }
      definition.check(spec, ctx)
      if (spec.controlComments.length > 0) applyControlComments(tree, file, spec)
    }
  }
  Object.defineProperty(plugin, 'name', {value: definition.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())})
  return Object.assign(plugin, {rule: definition as unknown as RuleDefinition})
}

/**
 * Whether text put at `offset` would be read as part of a top-level code
 * block or HTML comment: strictly inside one, or after one that is never
 * closed and runs to the end of the file (a half-written spec).
 */
function swallowed(tree: Root, source: string, offset: number | undefined): boolean {
  if (offset === undefined) return false
  for (const node of tree.children) {
    if (node.type !== 'code' && node.type !== 'html') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (offset > start && offset < end) return true
    if (offset >= end && source.slice(end).trim() === '' && unclosed(node.type, source.slice(start, end))) return true
  }
  return false
}

function unclosed(type: 'code' | 'html', raw: string): boolean {
  if (type === 'html') return raw.startsWith('<!--') && !raw.includes('-->', 4)
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1]
  if (!fence) return false
  const lines = raw.trimEnd().split(/\r\n|\r|\n/)
  const last = (lines[lines.length - 1] ?? '').trim()
  return lines.length < 2 || !(last.startsWith(fence) && /^(`+|~+)$/.test(last))
}

const controlVerb = /^<!--\s*spec-lint(?:\s+(\S+))?/

/**
 * Apply `<!-- spec-lint disable|enable|ignore … -->` to the messages so far.
 * Called after each rule because configs attach rules after any plugin of
 * ours; filtering is idempotent. A comment with an unknown keyword is
 * reported once and otherwise ignored instead of aborting the file.
 */
export function applyControlComments(tree: Root, file: VFile, spec: SpecModel): void {
  const bad = new Set<number>()
  for (const comment of spec.controlComments) {
    const verb = controlVerb.exec(comment.value)?.[1]
    if (verb && verb !== '-->' && !['disable', 'enable', 'ignore'].includes(verb)) {
      bad.add(comment.position.start.offset)
    }
  }
  if (bad.size > 0 && !file.data.specControlReported) {
    file.data.specControlReported = true
    for (const comment of spec.controlComments) {
      if (!bad.has(comment.position.start.offset)) continue
      const verb = controlVerb.exec(comment.value)?.[1] ?? ''
      const message = file.message(
        `Unexpected keyword \`${verb}\` in a spec-lint comment, expected \`disable\`, \`enable\` or \`ignore\``,
        {place: comment.position, ruleId: 'control-comment', source}
      )
      message.fatal = true
    }
  }
  messageControl(tree, {
    file,
    name: source,
    marker: commentMarker,
    test(node) {
      return node.type === 'html' && !bad.has(node.position?.start.offset ?? -1)
    }
  })
}

/** An empty options schema for rules without options. */
export const noOptions = z.object({}).strict()
