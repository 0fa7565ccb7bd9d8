/**
 * micromark resolves emphasis and links per run of inline text (a
 * paragraph, a heading, a table row's cells) by scanning back over every
 * earlier delimiter: `resolveAllAttention` for each `*` or `_` run that
 * closes nothing, the label-end construct for each `[`. A paragraph of
 * `*a**a***a…` or `*_*_…` or `[[[…](b)](b)` therefore parses in quadratic
 * time (20,000 runs: minutes). Counting those delimiters per run of inline
 * text is linear, and bounding them bounds the parse: below the limits a
 * paragraph costs milliseconds, and a document of many costs in proportion
 * to its length.
 */
export interface InlineCostLimits {
  /** Most `*` / `_` runs in one paragraph, heading or table row (default 200). */
  maxDelimiterRuns: number
  /** Most `[` in one paragraph, heading or table row (default 100). */
  maxBrackets: number
}

export const defaultInlineCost: InlineCostLimits = {maxDelimiterRuns: 200, maxBrackets: 100}

export interface InlineCostExceeded {
  what: 'delimiter-runs' | 'brackets'
  count: number
  /** Offset of the start of the paragraph, heading or row. */
  offset: number
}

/**
 * The first run of inline text with more delimiters than the limits allow.
 * Over-counts rather than under-counts (escaped markers, HTML and autolinks
 * are counted); code spans closed on their line and fenced code are not,
 * since micromark does not look for emphasis in them.
 */
export function inlineCostExceeded(doc: string, limits: InlineCostLimits = defaultInlineCost): InlineCostExceeded | undefined {
  const length = doc.length
  let index = 0
  let runs = 0
  let brackets = 0
  let contextStart = 0
  let fence = ''
  while (index < length) {
    const lineStart = index
    let lineEnd = doc.indexOf('\n', index)
    if (lineEnd === -1) lineEnd = length
    // The line's content after container markers (`>`, list markers) and indentation.
    let at = lineStart
    let listItem = false
    for (;;) {
      const code = doc.charCodeAt(at)
      if (code === 32 || code === 9 || code === 62 /* > */) at++
      else if ((code === 45 || code === 42 || code === 43) && isSpace(doc.charCodeAt(at + 1))) {
        // A `*` list marker is not emphasis; `---` and `***` breaks are handled as text (over-count).
        listItem = true
        at += 2
      } else break
    }
    const first = doc.charCodeAt(at)
    const fenceHere = first === 96 || first === 126 ? doc.slice(at, at + 3) : ''
    if (fence !== '') {
      if (fenceHere === fence) fence = ''
      index = lineEnd + 1
      continue
    }
    if (fenceHere === '```' || fenceHere === '~~~') {
      fence = fenceHere
      runs = 0
      brackets = 0
      index = lineEnd + 1
      continue
    }
    const blank = at >= lineEnd || (at === lineEnd - 1 && doc.charCodeAt(at) === 13)
    // A new paragraph, heading, list item or table row starts a new run of inline text.
    if (blank || listItem || first === 35 /* # */ || first === 124 /* | */ || lineStart === 0) {
      runs = 0
      brackets = 0
      contextStart = lineStart
    }
    // Delimiters after an unclosed backtick run are counted too, at the line's end.
    let codeTicks = 0
    let pendingRuns = 0
    let pendingBrackets = 0
    let i = at
    while (i < lineEnd) {
      const code = doc.charCodeAt(i)
      if (code === 96 /* ` */) {
        let end = i
        while (end < lineEnd && doc.charCodeAt(end) === 96) end++
        const ticks = end - i
        if (codeTicks === 0) codeTicks = ticks
        else if (ticks === codeTicks) {
          codeTicks = 0
          pendingRuns = 0
          pendingBrackets = 0
        }
        i = end
        continue
      }
      if (code === 42 || code === 95 /* * _ */) {
        let end = i
        while (end < lineEnd && doc.charCodeAt(end) === code) end++
        if (codeTicks > 0) pendingRuns++
        else runs++
        i = end
      } else {
        if (code === 91 /* [ */) {
          if (codeTicks > 0) pendingBrackets++
          else brackets++
        }
        i++
      }
    }
    runs += pendingRuns
    brackets += pendingBrackets
    if (runs > limits.maxDelimiterRuns) return {what: 'delimiter-runs', count: runs, offset: contextStart}
    if (brackets > limits.maxBrackets) return {what: 'brackets', count: brackets, offset: contextStart}
    index = lineEnd + 1
  }
  return undefined
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || Number.isNaN(code) || code === 10 || code === 13
}
