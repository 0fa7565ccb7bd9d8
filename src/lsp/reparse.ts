import type {Root, RootContent} from 'mdast'
import type {Node, Point, Position} from 'unist'
import {VFile} from 'vfile'
import {checkInput, defaultLimits, parseMarkdown} from '../parse/index.js'
import type {InputLimits} from '../parse/index.js'
import {mayDefineReferences} from '../model/text.js'

/** A document's text and the tree parsed from it (offsets count in `text`). */
export interface ParsedText {
  text: string
  tree: Root
  /** The tree came from a full parse, not a reparse of the edited blocks. */
  full: boolean
}

const bom = '\ufeff'

/**
 * Parse `file` (its `value` is the new text), reusing the previous parse:
 * only the top-level blocks the edit touched are parsed again, from the
 * start of the block before them to the end of the block after them, and
 * the blocks past the edit are kept with shifted positions. The reparse is
 * taken only when the block after the edit comes out of it exactly as it was
 * (the parser is back in step); otherwise, or when the document holds
 * something with document-wide effect, the whole text is parsed. Either way
 * the tree equals a full parse of the text.
 */
export function reparse(previous: ParsedText | undefined, file: VFile, limits: InputLimits = {}): ParsedText {
  const text = String(file.value ?? '')
  const windowed = previous ? reparseWindow(previous, text, limits) : undefined
  if (windowed) return {text, tree: windowed, full: false}
  const parsed = parseMarkdown(file, {limits})
  // Listed now, with the parse: otherwise the first edit after it lists the points of every block it moves.
  for (const child of parsed.tree.children) pointsOf(child)
  return {text: String(file.value ?? ''), tree: parsed.tree, full: true}
}

function reparseWindow(previous: ParsedText, text: string, limits: InputLimits): Root | undefined {
  const old = previous.text
  const children = previous.tree.children
  if (children.length === 0) return undefined
  if (old === text) return previous.tree
  if (text.startsWith(bom) || text.includes('\u0000')) return undefined
  // A document with a definition, before or after the edit, is parsed whole.
  if (mayDefineReferences(old) || mayDefineReferences(text)) return undefined

  const prefix = commonPrefix(old, text)
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix)
  const editStart = prefix
  const editEnd = old.length - suffix
  const delta = text.length - old.length
  // The previous text was within the limits; the whole text is checked again unless the edit cannot change that.
  if (!withinLimitsStill(old, text, editStart, editEnd, delta, limits) && checkInput(text, limits)) return undefined

  // Touched: blocks whose span, ends included, meets the edited range.
  let first = children.findIndex((child) => endOffset(child) >= editStart)
  if (first === -1) first = children.length
  let last = -1
  for (let index = children.length - 1; index >= 0; index--) {
    if (startOffset(children[index] as RootContent) <= editEnd) {
      last = index
      break
    }
  }
  // The block before is parsed again too (the edit may join it), unless the edit starts past the first
  // line of a block set apart from the one before by a blank line: then nothing before that line changes
  // how it parses.
  let before = startsInside(old, children, first, editStart) ? first : first - 1
  let after = Math.max(last, first - 1) + 1
  // Code is never where a window starts or ends: micromark is still inside indented code past its blank lines, so an
  // ordered item not numbered 1 after it is read as a paragraph, and what came before the code decides where one code
  // block ends and the next begins. The window reaches past every code block at either end to a block of another kind.
  while (before > 0 && (isCode(children[before]) || isCode(children[before - 1]))) before--
  while (after < children.length && isCode(children[after])) after++

  const startBlock = before >= 0 ? (children[before] as RootContent) : undefined
  const windowStart = startBlock ? lineStart(text, startOffset(startBlock)) : 0
  const windowLine = startBlock?.position?.start.line ?? 1
  const endBlock = after < children.length ? (children[after] as RootContent) : undefined
  const windowEnd = endBlock ? endOffset(endBlock) + delta : text.length
  if (windowEnd < windowStart || windowEnd > text.length) return undefined

  const scratch = new VFile({value: text.slice(windowStart, windowEnd)})
  const parsed = parseMarkdown(scratch, {limits})
  if (parsed.refused) return undefined
  const fresh = parsed.tree.children
  for (const child of fresh) shift(child, windowLine - 1, windowStart)

  let lineDelta = 0
  if (endBlock) {
    const again = fresh[fresh.length - 1]
    if (!again?.position || !endBlock.position) return undefined
    lineDelta = again.position.start.line - endBlock.position.start.line
    if (!sameNode(again, endBlock, lineDelta, delta)) return undefined
  }

  const rest = children.slice(after + 1)
  for (const child of rest) shift(child, lineDelta, delta)
  const kept = children.slice(0, Math.max(before, 0))
  const tree: Root = {type: 'root', children: [...kept, ...fresh, ...rest]}
  const end = endBlock ? shiftedPoint(previous.tree.position?.end, lineDelta, delta) : shiftedPoint(parsed.tree.position?.end, windowLine - 1, windowStart)
  if (end) tree.position = {start: {line: 1, column: 1, offset: 0}, end}
  return tree
}

/*
 * What the limits count: emphasis and bracket runs, code spans and fences,
 * container markers and indentation at the start of a line, blank lines,
 * NUL and U+FFFD. An edit that only puts or takes away other characters,
 * after some other character on its line (not in a line's container prefix,
 * not on a blank line) and not beside a marker (a letter typed inside `**`
 * makes two runs of one, one taken out of `` `a` `` makes a run of two)
 * leaves every count as it was, except the size.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters the limits count
const counted = /[*_[\]`~>+\-0-9.)\s\u0000\uFFFD]/
const marker = /[*_`~]/
const prefixCharacter = /[ \t>*+\-0-9.)]/

function withinLimitsStill(old: string, text: string, editStart: number, editEnd: number, delta: number, limits: InputLimits): boolean {
  if (delta > 0 && text.length * 3 > (limits.maxSize ?? defaultLimits.maxSize)) return false
  if (counted.test(text.slice(editStart, editEnd + delta)) || counted.test(old.slice(editStart, editEnd))) return false
  if (marker.test(text.charAt(editStart - 1)) || marker.test(text.charAt(editEnd + delta))) return false
  for (let index = editStart - 1; index >= 0; index--) {
    const character = text.charAt(index)
    if (character === '\n' || character === '\r') return false
    if (!prefixCharacter.test(character)) return true
  }
  return false
}

/** Whether the edit at `editStart` is past the first line of block `index`, which a blank line sets apart from the block before it. */
function startsInside(text: string, children: readonly RootContent[], index: number, editStart: number): boolean {
  const block = children[index]
  if (!block) return false
  const start = startOffset(block)
  const newline = text.indexOf('\n', start)
  if (newline === -1 || editStart <= newline) return false
  const previous = children[index - 1]
  if (!previous) return true
  return /\n[ \t]*\r?\n/.test(text.slice(endOffset(previous), start))
}

/*
 * The unchanged start and end of two texts. A 5,000-line spec is compared
 * on every keystroke: slices are compared a run at a time (a string
 * comparison is a memory compare), a character at a time only in the run
 * that differs.
 */
const run = 2048

function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length)
  let index = 0
  while (index + run <= shortest && a.slice(index, index + run) === b.slice(index, index + run)) index += run
  while (index < shortest && a.charCodeAt(index) === b.charCodeAt(index)) index++
  return index
}

/** The length of the common end of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0
  while (length + run <= limit && a.slice(a.length - length - run, a.length - length) === b.slice(b.length - length - run, b.length - length)) length += run
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++
  return length
}

function isCode(node: Node | undefined): boolean {
  return node?.type === 'code'
}

function startOffset(node: Node): number {
  return node.position?.start.offset ?? 0
}

function endOffset(node: Node): number {
  return node.position?.end.offset ?? 0
}

function lineStart(text: string, offset: number): number {
  let index = offset
  while (index > 0) {
    const code = text.charCodeAt(index - 1)
    if (code === 10 || code === 13) break
    index--
  }
  return index
}

function shiftedPoint(point: Point | undefined, lines: number, offset: number): Point | undefined {
  if (!point) return undefined
  return {line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset}
}

/*
 * The points of each top-level block, in one list. A block kept from one
 * parse to the next is not changed, and every edit before it moves it: a
 * walk of its nodes on every keystroke costs as much as the rest of the
 * reparse, a loop over its points a fraction of that.
 */
const blockPoints = new WeakMap<Node, Point[]>()

function pointsOf(block: Node): Point[] {
  let points = blockPoints.get(block)
  if (!points) {
    const found: Point[] = []
    const stack: Node[] = [block]
    while (stack.length > 0) {
      const node = stack.pop() as Node
      if (node.position) found.push(node.position.start, node.position.end)
      if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]))
    }
    points = found
    blockPoints.set(block, points)
  }
  return points
}

/** Move a block and its descendants down `lines` lines and `offset` characters (columns stay). */
function shift(block: Node, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return
  for (const point of pointsOf(block)) {
    point.line += lines
    if (point.offset !== undefined) point.offset += offset
  }
}

function samePosition(fresh: Position | undefined, old: Position | undefined, lines: number, offset: number): boolean {
  if (!fresh || !old) return fresh === old
  return (
    fresh.start.line === old.start.line + lines &&
    fresh.end.line === old.end.line + lines &&
    fresh.start.column === old.start.column &&
    fresh.end.column === old.end.column &&
    fresh.start.offset === (old.start.offset ?? 0) + offset &&
    fresh.end.offset === (old.end.offset ?? 0) + offset
  )
}

/** `fresh` is `old` moved by `lines` and `offset`: same fields, same children, same places. */
function sameNode(fresh: Node, old: Node, lines: number, offset: number): boolean {
  const a = fresh as unknown as Record<string, unknown>
  const b = old as unknown as Record<string, unknown>
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    if (key === 'position') {
      if (!samePosition(fresh.position, old.position, lines, offset)) return false
    } else if (key === 'children') {
      const left = a[key]
      const right = b[key]
      if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false
      for (let index = 0; index < left.length; index++) {
        if (!sameNode(left[index] as Node, right[index] as Node, lines, offset)) return false
      }
    } else if (!sameValue(a[key], b[key])) return false
  }
  return true
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false
  if (Array.isArray(left) !== Array.isArray(right)) return false
  const a = left as Record<string, unknown>
  const b = right as Record<string, unknown>
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => sameValue(a[key], b[key]))
}
