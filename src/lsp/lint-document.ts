import type {PluggableList, Preset} from 'unified'
import type {VFile} from 'vfile'
import {specProcessor} from '../parse/index.js'
import type {InputLimits} from '../parse/index.js'
import type {ParsedText} from './reparse.js'

export interface LintSetup {
  plugins: Preset | PluggableList
  settings?: Record<string, unknown>
  limits?: InputLimits
}

/**
 * Run the model builder and the rules on an already parsed document, the
 * way `lint()` does after its parse: a refused input keeps its one message.
 */
export async function lintParsed(parsed: ParsedText, file: VFile, plugins: LintSetup['plugins'], settings?: LintSetup['settings']): Promise<void> {
  if (file.data.specRefused) return
  const processor = specProcessor().data('settings', settings ?? {})
  if (Array.isArray(plugins)) processor.use(plugins)
  else processor.use(plugins)
  await processor.run(parsed.tree, file)
}
