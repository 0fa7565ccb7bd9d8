import type {Root} from 'mdast'
import {VFile} from 'vfile'
import type {Compatible} from 'vfile'
import {getSpec} from '../model/plugin.js'
import type {SpecModel} from '../model/schema.js'
import type {InputLimits} from './limits.js'
import {markdownProcessor} from './processor.js'

export {markdownProcessor, specProcessor} from './processor.js'
export {checkInput, defaultLimits, formatSize, parseSize, remarkLimits} from './limits.js'
export type {InputLimits} from './limits.js'
export {readDocument, readSpecFile} from './read.js'
export {withoutBom} from './bom.js'

export interface ParseOptions {
  limits?: InputLimits
}

export interface ParsedDocument {
  file: VFile
  tree: Root
  /** The input was refused by a limit: the tree is empty and the file has one fatal message. */
  refused: boolean
}

export interface ParsedSpec extends ParsedDocument {
  spec: SpecModel
}

function toFile(input: Compatible): VFile {
  return input instanceof VFile ? input : new VFile(input)
}

/**
 * Parse any Markdown document spec-lint reads, through the limits. After
 * this, `file.value` is the text the tree's offsets count in (without a
 * byte order mark; `file.data.bom` remembers one).
 */
export function parseMarkdown(input: Compatible, options: ParseOptions = {}): ParsedDocument {
  const file = toFile(input)
  const tree = markdownProcessor(options.limits).parse(file)
  return {file, tree, refused: Boolean(file.data.specRefused)}
}

/**
 * The one way to read a spec: parse it once and build its model from the
 * same text the tree was parsed from, so every offset in the model matches
 * `file.value`.
 */
export function parseSpec(input: Compatible, options: ParseOptions = {}): ParsedSpec {
  const parsed = parseMarkdown(input, options)
  return {...parsed, spec: getSpec(parsed.tree, parsed.file)}
}

/** The first fatal message of a refused document, as `line:column: reason`. */
export function refusalOf(file: VFile): string | undefined {
  const fatal = file.messages.find((message) => message.fatal)
  if (!fatal) return undefined
  return `${fatal.line ?? 1}:${fatal.column ?? 1}: ${fatal.reason}`
}
