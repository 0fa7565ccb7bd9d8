import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** One replacement: the text between two offsets becomes `text`. */
export interface Edit {
  start: number
  end: number
  text: string
  ruleId: string | undefined
}

/** The one fix format: a message's `place` replaced by `expected[0]`. */
export function editOf(message: VFileMessage): Edit | undefined {
  const text = message.expected?.[0]
  if (text === undefined || !message.place) return undefined
  const place = message.place
  const start = 'start' in place ? place.start.offset : place.offset
  const end = 'end' in place ? place.end.offset : place.offset
  if (typeof start !== 'number' || typeof end !== 'number' || end < start) return undefined
  return {start, end, text, ruleId: message.ruleId}
}

export function editsOf(file: VFile): Edit[] {
  const edits: Edit[] = []
  for (const message of file.messages) {
    const edit = editOf(message)
    if (edit) edits.push(edit)
  }
  return edits
}

/**
 * Apply non-overlapping edits, last to first. An edit that overlaps one
 * already taken (or inserts at the same point) waits for the next pass.
 */
export function applyEdits(text: string, edits: readonly Edit[]): {text: string; applied: Edit[]} {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const taken: Edit[] = []
  for (const edit of sorted) {
    const previous = taken[taken.length - 1]
    if (previous && (edit.start < previous.end || edit.start === previous.start)) continue
    if (text.slice(edit.start, edit.end) === edit.text) continue
    taken.push(edit)
  }
  let out = text
  for (let i = taken.length - 1; i >= 0; i--) {
    const edit = taken[i] as Edit
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  }
  return {text: out, applied: taken}
}

/**
 * Edits in the document's line ending: a fix's text is written with `\n`, a
 * CRLF file stays CRLF.
 */
export function inLineEnding(edits: readonly Edit[], text: string): Edit[] {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n'
  if (eol === '\n') return [...edits]
  return edits.map((edit) => ({...edit, text: edit.text.replace(/\r\n|\r|\n/g, eol)}))
}

export interface FixResult {
  text: string
  passes: number
  applied: Edit[]
  /** The last lint of the fixed text. */
  file: VFile
}

/**
 * Lint, apply every fix, lint again; at most `maxPasses` passes. Offsets
 * count from after a byte order mark (as micromark does), so the BOM is
 * set aside while fixing and put back on the result.
 */
export async function fixText(text: string, lintText: (value: string) => Promise<VFile>, maxPasses = 10): Promise<FixResult> {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  let current = bom ? text.slice(1) : text
  const applied: Edit[] = []
  let file = await lintText(current)
  let passes = 0
  while (passes < maxPasses) {
    const result = applyEdits(current, inLineEnding(editsOf(file), current))
    if (result.applied.length === 0) break
    passes++
    applied.push(...result.applied)
    current = result.text
    file = await lintText(current)
  }
  return {text: bom + current, passes, applied, file}
}
