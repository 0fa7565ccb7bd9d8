import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {PluggableList, Preset, Processor} from 'unified'
import {VFile} from 'vfile'
import remarkSpec from './model/plugin.js'
import recommended from '../presets/recommended.js'

declare module 'vfile' {
  interface DataMap {
    /** The file started with a byte order mark, taken off before parsing. */
    bom: boolean
  }
}

/**
 * micromark skips a byte order mark and counts offsets after it, so rules
 * slicing `file.value` and fixes replacing offsets would be one off: take the
 * BOM off the file before parsing (`file.data.bom` remembers it).
 */
export function stripBom(this: Processor): undefined {
  const parse = this.parser
  if (!parse) return
  this.parser = (document, file) => {
    if (document.charCodeAt(0) !== 0xfeff) return parse(document, file)
    file.value = document.slice(1)
    file.data.bom = true
    return parse(file.value, file)
  }
}

/**
 * The processor every entry point shares: parse with GFM, build the model.
 * Rules come from a preset or a configuration on top.
 */
export function specProcessor() {
  return unified().use(remarkParse).use(stripBom).use(remarkGfm).use(remarkSpec).use(remarkStringify)
}

export interface LintOptions {
  /** A preset or plugin list; the recommended preset by default. */
  preset?: Preset | PluggableList
  path?: string
}

/** Lint one document in memory (for tests and the API). */
export async function lint(value: string, options: LintOptions = {}): Promise<VFile> {
  const file = new VFile({value, path: options.path ?? 'specs/example.md'})
  const processor = specProcessor()
  const preset = options.preset ?? recommended
  if (Array.isArray(preset)) processor.use(preset)
  else processor.use(preset)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
