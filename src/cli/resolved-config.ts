import path from 'node:path'
import type {Options as EngineOptions} from 'unified-engine'
import {rules} from '../../rules/index.js'
import type {SpecRulePlugin} from '../rule.js'
import {parseRuleConfig} from '../rule.js'
import type {Level} from '../rule.js'
import recommended from '../../presets/recommended.js'
import {transformConfig} from '../engine/config.js'
import {engineDefaults} from '../engine/engine.js'
import {firstLine} from '../engine/errors.js'

export interface ResolvedRule {
  id: string
  level: Level
  options: unknown
}

export interface ResolvedConfig {
  /** The configuration file that applies, or undefined for the built-in default. */
  configFile: string | undefined
  rules: ResolvedRule[]
  settings: Record<string, unknown>
  /** Plugins that are not spec-lint rules, by name. */
  plugins: string[]
}

interface LoadedConfig {
  filePath?: string
  plugins: Array<[unknown, unknown?]>
  settings: Record<string, unknown>
}

interface ConfigurationClass {
  new (options: Record<string, unknown>): {load(filePath: string, done: (error: unknown, result?: LoadedConfig) => void): void}
}

/**
 * unified-engine's own configuration lookup (not exported from its entry),
 * so `--print-config` and `spec-lint rules` show exactly what a lint of the
 * file would attach.
 */
async function loadConfiguration(): Promise<ConfigurationClass> {
  const entry = import.meta.resolve('unified-engine')
  const module = (await import(new URL('lib/configuration.js', entry).href)) as {Configuration: ConfigurationClass}
  return module.Configuration
}

export async function resolveConfig(
  filePath: string,
  engine: Pick<EngineOptions, 'cwd' | 'rcPath' | 'detectConfig' | 'settings' | 'plugins'>
): Promise<ResolvedConfig> {
  const cwd = String(engine.cwd ?? process.cwd())
  const Configuration = await loadConfiguration()
  const configuration = new Configuration({
    cwd,
    rcName: engineDefaults.rcName,
    packageField: engineDefaults.packageField,
    pluginPrefix: engineDefaults.pluginPrefix,
    detectConfig: engine.detectConfig ?? true,
    rcPath: engine.rcPath,
    settings: engine.settings,
    plugins: engine.plugins,
    defaultConfig: recommended,
    configTransform: transformConfig
  })
  const loaded = await new Promise<LoadedConfig>((resolve, reject) => {
    configuration.load(path.resolve(cwd, filePath), (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(reasonOf(error))) : resolve(result ?? {plugins: [], settings: {}})
    )
  })
  const byPlugin = new Map<unknown, SpecRulePlugin>(rules.map((plugin) => [plugin, plugin]))
  const resolved: ResolvedRule[] = []
  const others: string[] = []
  for (const [plugin, options] of loaded.plugins) {
    const rule = byPlugin.get(plugin)
    if (!rule) {
      others.push((plugin as {name?: string}).name || 'anonymous plugin')
      continue
    }
    const {level, options: parsed} = parseRuleConfig(rule.rule, options)
    resolved.push({id: rule.rule.id, level, options: parsed})
  }
  resolved.sort((a, b) => a.id.localeCompare(b.id))
  return {configFile: loaded.filePath, rules: resolved, settings: loaded.settings, plugins: others}
}

/** An error's reason with its causes (`Cannot parse file …: Unknown preset …`), one line. */
export function reasonOf(error: unknown): string {
  const reasons: string[] = []
  let current: unknown = error
  while (current !== undefined && reasons.length < 5) {
    const line = firstLine(current instanceof Error ? current.message : typeof current === 'string' ? current : JSON.stringify(current))
    if (!reasons.some((r) => r.includes(line))) reasons.push(line)
    current = current instanceof Error ? (current as Error & {cause?: unknown}).cause : undefined
  }
  return reasons.join(': ')
}
