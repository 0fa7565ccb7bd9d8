import path from 'node:path'
import type {Options as EngineOptions} from 'unified-engine'
import {reasonOf, resolveConfig} from './resolved-config.js'

/**
 * `--print-config <file>` (ESLint's flag): the rules and options a lint of
 * that file would use, as JSON on standard output; `rules` and `settings`
 * are in the `.speclintrc.json` shape, `configFile` names the file they come from.
 */
export async function printConfig(file: string, engine: EngineOptions): Promise<number> {
  const cwd = String(engine.cwd ?? process.cwd())
  try {
    const config = await resolveConfig(file, engine)
    const rules = Object.fromEntries(
      config.rules.map((rule) => {
        const options = rule.options && typeof rule.options === 'object' && Object.keys(rule.options).length > 0 ? rule.options : undefined
        return [rule.id, options === undefined ? rule.level : [rule.level, options]]
      })
    )
    const out = {
      configFile: config.configFile ? path.relative(cwd, config.configFile) || config.configFile : null,
      extends: 'none',
      rules,
      ...(Object.keys(config.settings).length > 0 ? {settings: config.settings} : {}),
      ...(config.plugins.length > 0 ? {otherPlugins: config.plugins} : {})
    }
    process.stdout.write(JSON.stringify(out, null, 2) + '\n')
    return 0
  } catch (error) {
    process.stderr.write(`spec-lint: ${reasonOf(error)}\n`)
    return 2
  }
}
