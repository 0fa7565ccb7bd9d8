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

/** How many times the fix loop lints again before it stops (fixes that keep producing fixes). */
export const maxPasses = 10

/** A document being fixed: its text so far (without a byte order mark) and the latest lint of it. */
export interface Fixing {
  text: string
  file: VFile
}

/**
 * The fix loop, the one `--fix` and `fixText` share: apply each document's
 * fixes (non-overlapping, last to first, in its line ending), lint the
 * changed ones again, repeat until no fix applies or after `passes` passes.
 * `relint` gets the documents that changed and returns their new lint, in
 * order: one engine run for every file of a pass, or one lint of a text.
 */
export async function fixDocuments<T extends Fixing>(
  documents: readonly T[],
  relint: (changed: readonly T[]) => Promise<readonly VFile[]>,
  passes = maxPasses
): Promise<{passes: number; applied: Map<T, Edit[]>}> {
  const applied = new Map<T, Edit[]>()
  let pending = [...documents]
  let pass = 0
  while (pass < passes && pending.length > 0) {
    const changed: T[] = []
    for (const document of pending) {
      const result = applyEdits(document.text, inLineEnding(editsOf(document.file), document.text))
      if (result.applied.length === 0) continue
      document.text = result.text
      applied.set(document, [...(applied.get(document) ?? []), ...result.applied])
      changed.push(document)
    }
    if (changed.length === 0) break
    pass++
    const files = await relint(changed)
    changed.forEach((document, index) => {
      const file = files[index]
      if (file) document.file = file
    })
    pending = changed
  }
  return {passes: pass, applied}
}

export interface FixResult {
  text: string
  passes: number
  applied: Edit[]
  /** The last lint of the fixed text. */
  file: VFile
}

/**
 * Fix one text (the API, the rule tests): the fix loop over one document.
 * Offsets count from after a byte order mark (as micromark does), so the
 * BOM is set aside while fixing and put back on the result.
 */
export async function fixText(text: string, lintText: (value: string) => Promise<VFile>, passes = maxPasses): Promise<FixResult> {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const value = bom ? text.slice(1) : text
  const document: Fixing = {text: value, file: await lintText(value)}
  const result = await fixDocuments([document], async (changed) => Promise.all(changed.map((entry) => lintText(entry.text))), passes)
  return {text: bom + document.text, passes: result.passes, applied: result.applied.get(document) ?? [], file: document.file}
}
