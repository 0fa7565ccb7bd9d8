import type {PluggableList, Preset} from 'unified'
import {VFile} from 'vfile'
import recommended from '../../presets/recommended.js'
import {specProcessor} from '../parse/processor.js'
import type {InputLimits} from '../parse/limits.js'

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
