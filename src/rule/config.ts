import type {z} from 'zod'

export type Level = 'off' | 'warn' | 'error'

/** The part of a rule declaration its configuration is read against. */
export interface ConfigurableRule<S extends z.ZodType = z.ZodType> {
  id: string
  options: S
}

export interface RuleConfig<Options = unknown> {
  level: Level
  options: Options
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
 * Parsed configurations by rule and by the configuration's JSON: the same
 * setting is read once per process however many files, processors and
 * checks (config validation, attaching, recording which rules ran) ask for
 * it. Keyed by value, not identity, because unified merges a plugin's
 * options in place when it is used twice. Values that are not JSON (never
 * the case for a config file) are parsed every time.
 */
const parsedConfigs = new WeakMap<object, Map<string, RuleConfig>>()

function keyOf(config: unknown): string | undefined {
  try {
    return JSON.stringify(config) ?? 'undefined'
  } catch {
    return undefined
  }
}

/**
 * Read a rule's configuration in the remark-lint convention: a level
 * (`'error'`, `2`, `false`, …), `[level, options]`, or bare options. The
 * result is shared between callers with the same configuration: treat it as
 * read-only.
 */
export function parseRuleConfig<S extends z.ZodType>(rule: ConfigurableRule<S>, config: unknown): RuleConfig<z.output<S>> {
  const key = keyOf(config)
  let known = parsedConfigs.get(rule)
  if (key !== undefined) {
    const hit = known?.get(key)
    if (hit) return hit as RuleConfig<z.output<S>>
  }
  const parsed = parseOnce(rule, config)
  if (key !== undefined) {
    if (!known) {
      known = new Map()
      parsedConfigs.set(rule, known)
    }
    known.set(key, parsed)
  }
  return parsed
}

function parseOnce<S extends z.ZodType>(rule: ConfigurableRule<S>, config: unknown): RuleConfig<z.output<S>> {
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
    const detail = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '') + issue.message).join('; ')
    throw new RuleConfigError(`Invalid options for spec-lint rule \`${rule.id}\`: ${detail}`)
  }
  return {level, options: parsed.data}
}
