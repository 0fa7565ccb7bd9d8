import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {PluggableList, Preset} from 'unified'
import {VFile} from 'vfile'
import './micromark-linear.js'
import {stripBom} from './bom.js'
import remarkSpec from '../model/plugin.js'
import {remarkLimits} from './limits.js'
import type {InputLimits} from './limits.js'
import recommended from '../../presets/recommended.js'

/**
 * The processor every entry point shares: parse with GFM, build the model.
 * Rules come from a preset or a configuration on top.
 */
export function specProcessor(limits: InputLimits = {}) {
  // stripBom runs first (the last wrapper of the parser), then the limits.
  return unified().use(remarkParse).use(remarkLimits, limits).use(stripBom).use(remarkGfm).use(remarkSpec).use(remarkStringify)
}

export interface LintOptions {
  /** A preset or plugin list; the recommended preset by default. */
  preset?: Preset | PluggableList
  path?: string
  /** Input limits (size, nesting); the defaults otherwise. */
  limits?: InputLimits
}

/** Lint one document in memory (for tests and the API). */
export async function lint(value: string, options: LintOptions = {}): Promise<VFile> {
  const file = new VFile({value, path: options.path ?? 'specs/example.md'})
  const processor = specProcessor(options.limits)
  const preset = options.preset ?? recommended
  if (Array.isArray(preset)) processor.use(preset)
  else processor.use(preset)
  const tree = processor.parse(file)
  // A refused input (too large, binary, too deeply nested) has its one message.
  if (!file.data.specRefused) await processor.run(tree, file)
  return file
}
