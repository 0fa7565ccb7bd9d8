import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import './micromark-linear.js'
import {stripBom} from './bom.js'
import remarkSpec from '../model/plugin.js'
import {remarkLimits} from './limits.js'
import {remarkTaskCheckOutsideItem} from './task-check-outside-item.js'
import type {InputLimits} from './limits.js'

/**
 * The Markdown parser every document goes through (specs, discovery
 * documents, the formatter's input): the input limits, the byte order mark
 * taken off, GFM (a task list check outside a list item read as text). No
 * other module builds a parser.
 */
export function markdownProcessor(limits: InputLimits = {}) {
  // stripBom runs first (the last wrapper of the parser), then the limits.
  return unified().use(remarkParse).use(remarkLimits, limits).use(stripBom).use(remarkGfm).use(remarkTaskCheckOutsideItem)
}

/**
 * The processor every lint entry point shares: parse, then build the model.
 * Rules come from a preset or a configuration on top.
 */
export function specProcessor(limits: InputLimits = {}) {
  return markdownProcessor(limits).use(remarkSpec).use(remarkStringify)
}
