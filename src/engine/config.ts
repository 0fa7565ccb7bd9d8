import path from 'node:path'
import type {Preset} from 'unified'
import {z} from 'zod'
import {rulesById} from '../../rules/index.js'
import {parseRuleConfig} from '../rule.js'
import recommended from '../../presets/recommended.js'
import strict from '../../presets/strict.js'

export const presets: Record<string, Preset> = {recommended, strict}

const severity = z.union([z.enum(['off', 'warn', 'warning', 'error', 'on']), z.literal(0), z.literal(1), z.literal(2), z.boolean()])

/**
 * spec-lint's own configuration shape, accepted in `.speclintrc*` and the
 * `specLint` field of package.json. Plain unified configs (`plugins`,
 * `settings`) pass through, so a `.remarkrc` style config works too.
 */
export const configSchema = z
  .object({
    extends: z.union([z.enum(['recommended', 'strict', 'none']), z.string()]).optional(),
    rules: z.record(z.string(), z.union([severity, z.tuple([severity]), z.tuple([severity, z.unknown()])])).optional(),
    plugins: z.unknown().optional(),
    settings: z.record(z.string(), z.unknown()).optional()
  })
  .strict()

export type SpecLintConfig = z.infer<typeof configSchema>

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** What unified-engine accepts from a `configTransform`: plugins may be names it resolves. */
export interface EngineConfig {
  plugins: unknown[]
  settings?: Record<string, unknown>
}

/** Turn a spec-lint config into the unified preset the engine attaches. */
export function transformConfig(value: unknown, filePath: string): EngineConfig {
  const where = path.relative(process.cwd(), filePath) || filePath
  // Names are checked on the raw value: a parsed record drops a `__proto__`
  // key (it sets the prototype instead), and a lookup in a plain object
  // finds `constructor` or `toString` on every object.
  const rawRules = typeof value === 'object' && value !== null && 'rules' in value ? value.rules : undefined
  if (typeof rawRules === 'object' && rawRules !== null && !Array.isArray(rawRules)) {
    for (const id of Object.keys(rawRules)) {
      if (!rulesById.has(id)) throw new ConfigError(`Unknown rule \`${id}\` in \`${where}\`; see \`spec-lint --help\` for the rule list`)
    }
  }
  const parsed = configSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const at = issue && issue.path.length > 0 ? ` at \`${issue.path.join('.')}\`` : ''
    throw new ConfigError(`Invalid configuration in \`${where}\`${at}: ${issue?.message ?? 'unexpected value'}`)
  }
  const config = parsed.data
  const plugins: unknown[] = []
  const base = config.extends ?? (config.plugins === undefined ? 'recommended' : 'none')
  if (base !== 'none') {
    const preset = Object.hasOwn(presets, base) ? presets[base] : undefined
    if (!preset) {
      throw new ConfigError(`Unknown preset \`${base}\` in \`${where}\`, expected \`recommended\`, \`strict\` or \`none\``)
    }
    plugins.push(preset)
  }
  if (Array.isArray(config.plugins)) plugins.push(...config.plugins.map((entry, index) => namedFailures(entry, index, where)))
  else if (config.plugins && typeof config.plugins === 'object') {
    // unified-engine also accepts `{name: options}` maps and resolves names itself.
    plugins.push(...Object.entries(config.plugins as Record<string, unknown>))
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const plugin = rulesById.get(id)
    if (!plugin) {
      throw new ConfigError(`Unknown rule \`${id}\` in \`${where}\`; see \`spec-lint --help\` for the rule list`)
    }
    const entry = Array.isArray(setting) ? setting : [setting]
    try {
      parseRuleConfig(plugin.rule, entry)
    } catch (error) {
      throw new ConfigError(`${(error as Error).message} (in \`${where}\`)`)
    }
    plugins.push([plugin, entry])
  }
  return config.settings ? {plugins, settings: config.settings} : {plugins}
}

type Attacher = (this: unknown, ...args: unknown[]) => unknown
type Transformer = (this: unknown, ...args: unknown[]) => unknown

/**
 * A plugin from a config file that throws (when attached or when it runs)
 * fails the file with a message naming the plugin and the config file it
 * came from, instead of a bare `boom`.
 */
function namedFailures(entry: unknown, index: number, where: string): unknown {
  if (Array.isArray(entry) && typeof entry[0] === 'function') {
    return [namedFailures(entry[0], index, where), ...entry.slice(1)]
  }
  if (typeof entry !== 'function') return entry
  const attacher = entry as Attacher
  const label = `\`${attacher.name || `plugins[${index}]`}\` from \`${where}\``
  const fail = (error: unknown): never => {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(`Cannot run plugin ${label}: ${reason}`)
  }
  // A spec-lint rule stays one (`rule` is how the framework finds the last rule to run).
  const carried = 'rule' in attacher ? {rule: attacher.rule} : {}
  return Object.assign(function (this: unknown, ...args: unknown[]) {
    let transformer: unknown
    try {
      transformer = attacher.apply(this, args)
    } catch (error) {
      fail(error)
    }
    if (typeof transformer !== 'function') return transformer
    const run = transformer as Transformer
    // unified passes a callback only to transformers that declare three
    // parameters, so keep the arity.
    if (run.length >= 3) {
      return function (this: unknown, tree: unknown, file: unknown, next: (error?: unknown, ...rest: unknown[]) => void) {
        try {
          return run.call(this, tree, file, (error?: unknown, ...rest: unknown[]) => {
            if (error) {
              try {
                fail(error)
              } catch (named) {
                next(named)
                return
              }
            }
            next(error, ...rest)
          })
        } catch (error) {
          return fail(error)
        }
      }
    }
    return function (this: unknown, tree: unknown, file: unknown) {
      try {
        const result = run.call(this, tree, file)
        return result instanceof Promise ? result.catch(fail) : result
      } catch (error) {
        return fail(error)
      }
    }
  }, carried)
}
