import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import v8 from 'node:v8'
import {location} from 'vfile-location'
import {defaultInlineCost, inlineCostExceeded} from './inline-cost.js'

/**
 * Limits checked before a document is parsed. micromark's time grows with
 * the number of open lists and block quotes on a line (a 1,000-deep list
 * takes minutes and a 100,000-deep block quote overflows the stack), and it
 * parses well under 1 MB/s, so hostile or runaway input is refused up front
 * with one clear message instead of hanging the run.
 */
export interface InputLimits {
  /** Largest document, in bytes of UTF-8 (default 10 MB; `--max-size`). */
  maxSize?: number
  /** Most lists and block quotes open on one line (default 64). */
  maxDepth?: number
  /** Most `*` / `_` runs in one paragraph, heading or table row (default 200). */
  maxDelimiterRuns?: number
  /** Most `[` in one paragraph, heading or table row (default 100). */
  maxBrackets?: number
}

/**
 * Peak memory per byte of input, measured: a spec whose Notes are a 20,000-row
 * table (1 MB) peaks at ~1,000 bytes of memory per byte (syntax tree,
 * micromark events, positions), prose at less. With this margin a document
 * under the size limit cannot exhaust the heap.
 */
export const memoryPerInputByte = 1200

/** The largest document this heap can parse: heap size / memory per byte. */
export function heapSizeCeiling(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / memoryPerInputByte)
}

export const defaultLimits: Required<InputLimits> = {
  // 10 MB, or less when the heap cannot hold its parse (a 4 GB heap: 3.4 MB).
  maxSize: Math.min(10 * 1024 * 1024, heapSizeCeiling()),
  maxDepth: 64,
  ...defaultInlineCost
}

const source = 'spec-lint'

/** `10mb`, `512kb`, `2MB`, `1048576` → bytes; undefined when not a size. */
export function parseSize(value: string): number | undefined {
  const match = /^(\d{1,15}(?:\.\d{1,6})?) ?([kmg]?b?)$/i.exec(value.trim())
  if (!match) return undefined
  const unit = (match[2] ?? '').toLowerCase().replace(/b$/, '')
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  const bytes = Math.round(Number(match[1]) * scale)
  return bytes > 0 ? bytes : undefined
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} B`
}

/**
 * The first reason a document is refused, or undefined. One linear pass per
 * check, no regular expressions over the text.
 */
export function checkInput(doc: string, limits: InputLimits = {}): {reason: string; ruleId: string; offset: number} | undefined {
  const maxSize = limits.maxSize ?? defaultLimits.maxSize
  const maxDepth = limits.maxDepth ?? defaultLimits.maxDepth
  // Cheap upper bound first: a UTF-8 byte count is at most 3 per UTF-16 unit.
  if (doc.length * 3 > maxSize) {
    const size = Buffer.byteLength(doc, 'utf8')
    if (size > maxSize) {
      return {
        reason: `Unexpected file of ${formatSize(size)}, expected at most ${formatSize(maxSize)} (raise the limit with \`--max-size\`)`,
        ruleId: 'file-too-large',
        offset: 0
      }
    }
  }
  const nul = doc.indexOf('\u0000')
  if (nul !== -1) return {reason: 'Unexpected binary content, expected a Markdown spec', ruleId: 'binary-content', offset: nul}
  // Node reads files as UTF-8 and turns invalid bytes into U+FFFD; writing a
  // fix back would store the replacement instead of the original bytes.
  const replacement = doc.indexOf('\uFFFD')
  if (replacement !== -1) {
    return {
      reason: 'Unexpected `U+FFFD` replacement character (invalid UTF-8), expected a UTF-8 encoded spec',
      ruleId: 'invalid-utf8',
      offset: replacement
    }
  }
  const deep = deepestLine(doc, maxDepth)
  if (deep) {
    return {
      reason: `Unexpected ${deep.depth} nested lists or block quotes, expected at most ${maxDepth}`,
      ruleId: 'nesting-too-deep',
      offset: deep.offset
    }
  }
  const maxDelimiterRuns = limits.maxDelimiterRuns ?? defaultLimits.maxDelimiterRuns
  const maxBrackets = limits.maxBrackets ?? defaultLimits.maxBrackets
  const costly = inlineCostExceeded(doc, {maxDelimiterRuns, maxBrackets})
  if (costly) {
    const what =
      costly.what === 'brackets' ? `\`[\` brackets, expected at most ${maxBrackets}` : `emphasis runs (\`*\`, \`_\`), expected at most ${maxDelimiterRuns}`
    return {reason: `Unexpected ${costly.count} or more ${what} in one paragraph, heading or table row`, ruleId: 'inline-too-complex', offset: costly.offset}
  }
  return undefined
}

/**
 * The first line whose container prefix (`>`, list markers, and the
 * indentation before them, two columns a level) is deeper than `max`.
 * Indentation only counts on lines that open a container, so an indented
 * code block or a long run of spaces is not mistaken for nesting.
 */
function deepestLine(doc: string, max: number): {depth: number; offset: number} | undefined {
  let index = 0
  const length = doc.length
  while (index < length) {
    const lineStart = index
    let columns = 0
    let markers = 0
    let indentAfterQuote = false
    /** Indentation after a quote marker: nesting only when a list marker follows it. */
    let quoteColumns = 0
    let scanning = true
    while (scanning && index < length) {
      const code = doc.charCodeAt(index)
      if (code === 32 /* space */ || code === 9 /* tab */) {
        // Indentation nests only before the first marker; after one it is
        // the marker's own padding (`- - x` is two levels, not three).
        if (markers === 0) columns += code === 9 ? 4 : 1
        else if (indentAfterQuote) quoteColumns += code === 9 ? 4 : 1
        index++
      } else if (code === 62 /* > */) {
        markers++
        index++
        // After a quote marker and its optional space, indentation nests again
        // (`>` + 40 spaces + `- item` is 21 levels).
        if (doc.charCodeAt(index) === 32) index++
        indentAfterQuote = true
        quoteColumns = 0
      } else if ((code === 45 || code === 42 || code === 43) /* - * + */ && isBlank(doc.charCodeAt(index + 1))) {
        markers++
        index++
        columns += quoteColumns
        quoteColumns = 0
        indentAfterQuote = false
      } else if (code >= 48 && code <= 57) {
        let end = index
        while (end < length && end - index < 9 && doc.charCodeAt(end) >= 48 && doc.charCodeAt(end) <= 57) end++
        const delimiter = doc.charCodeAt(end)
        if ((delimiter === 46 || delimiter === 41) /* . ) */ && isBlank(doc.charCodeAt(end + 1))) {
          markers++
          index = end + 1
          columns += quoteColumns
          quoteColumns = 0
          indentAfterQuote = false
        } else scanning = false
      } else scanning = false
    }
    if (markers > 0) {
      const depth = markers + Math.floor(columns / 2)
      if (depth > max) return {depth, offset: lineStart}
    }
    const newline = doc.indexOf('\n', index)
    index = newline === -1 ? length : newline + 1
  }
  return undefined
}

function isBlank(code: number): boolean {
  // NaN (end of text), space, tab, line feed, carriage return.
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13
}

declare module 'vfile' {
  interface DataMap {
    /** Set when the input was refused before parsing. */
    specRefused: boolean
  }
}

/**
 * Unified plugin (after remark-parse): check the limits before parsing. A
 * refused document gets one fatal message and an empty tree, so no rule
 * runs on it and the engine reports it like any other error.
 */
export function remarkLimits(this: Processor, limits: InputLimits = {}) {
  const self = this as unknown as {parser: (doc: string, file: VFile) => Root}
  const parse = self.parser
  self.parser = function (doc: string, file: VFile): Root {
    const refused = checkInput(doc, limits)
    if (!refused) return parse(doc, file)
    const place = location(doc).toPoint(refused.offset)
    const message = file.message(refused.reason, {place, ruleId: refused.ruleId, source})
    message.fatal = true
    file.data.specRefused = true
    return {type: 'root', children: []}
  }
}
