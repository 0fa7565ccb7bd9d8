import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import {unified} from 'unified'
import {Configuration} from 'unified-engine'
import type {ConfigResult, Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import recommended from '../../presets/recommended.js'
import {transformConfig} from '../engine/config.js'
import {engineDefaults} from '../engine/engine.js'
import {dropRelatedCauses, flattenCauses} from '../report/index.js'
import {source} from '../rule.js'

function load(configuration: Configuration, filePath: string): Promise<ConfigResult> {
  return new Promise((resolve, reject) => {
    configuration.load(filePath, (error, result) => {
      if (error || !result) reject(error ?? new Error(`No configuration for \`${filePath}\``))
      else resolve(result)
    })
  })
}

/**
 * Configure the rules per file, the way the CLI does: `.speclintrc*` and the
 * `specLint` package field through spec-lint's config transform, the
 * recommended preset when there is none. unified-language-server passes
 * only `rcName`, `packageField`, `plugins` and the ignore options to
 * unified-engine (no `defaultConfig`, no `configTransform`), so the server
 * finds no configuration itself and this plugin loads it with
 * unified-engine's own `Configuration`, then runs the configured plugins on
 * the tree. A fresh `Configuration` per run picks up edits to config files.
 */
export default function specConfiguration(this: Processor) {
  return async function (tree: Root, file: VFile): Promise<undefined> {
    if (!file.path) return
    const configuration = new Configuration({
      cwd: file.cwd,
      rcName: engineDefaults.rcName,
      packageField: engineDefaults.packageField,
      pluginPrefix: engineDefaults.pluginPrefix,
      detectConfig: true,
      defaultConfig: recommended,
      configTransform: transformConfig as EngineOptions['configTransform']
    })
    let config: ConfigResult
    try {
      config = await load(configuration, file.path)
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error))
      file.message('Cannot load the spec-lint configuration', {source, ruleId: 'config', cause}).fatal = true
      // unified-language-server appends a message's `cause.stack`: fold it into one line.
      flattenCauses([file])
      return
    }
    const processor = unified().data('settings', config.settings)
    for (const [plugin, options] of config.plugins) {
      if (options !== false) processor.use(plugin as Plugin<unknown[], Root>, options)
    }
    await processor.run(tree, file)
    flattenCauses([file])
    dropRelatedCauses([file])
  }
}
