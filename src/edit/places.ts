import type {ChunkDetail, Criterion, SpecModel} from '../model/schema.js'
import {metaRow} from '../model/queries.js'

/*
 * Where the loop's edits go, found from the model's positions: the one
 * character inside a task checkbox, the point after a chunk's bold title,
 * a Meta value. Each returns offsets into the text the model was built from.
 */

const taskMarker = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/

/** The offset of the character between `[` and `]` of a list item's checkbox. */
export function checkboxOffset(source: string, item: {position: {start: {offset: number}}}): number | undefined {
  const start = item.position.start.offset
  const match = taskMarker.exec(source.slice(start, start + 24))
  if (!match) return undefined
  return start + match[0].length - 2
}

/** The point right after a chunk's `**title**` (past the closing marker), where `(NS-101)` goes. */
export function afterTitle(source: string, detail: ChunkDetail): number | undefined {
  const end = detail.titlePosition.end.offset
  const start = detail.titlePosition.start.offset
  for (const marker of ['**', '__', '*', '_']) {
    if (source.startsWith(marker, end) && source.slice(start - marker.length, start) === marker) return end + marker.length
  }
  return undefined
}

/** The Meta Status value's range. */
export function statusValueRange(spec: SpecModel): {start: number; end: number} | undefined {
  const row = metaRow(spec, 'status')
  if (!row) return undefined
  return {start: row.valuePosition.start.offset, end: row.valuePosition.end.offset}
}

export function criterionCheckbox(source: string, criterion: Criterion): number | undefined {
  return checkboxOffset(source, criterion)
}
