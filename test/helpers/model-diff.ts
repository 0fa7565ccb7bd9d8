import {diffArrays} from 'diff'
import {isDeepStrictEqual} from 'node:util'
import type {Edit} from '../../src/edit/apply.js'
import {stripPositions} from '../../src/model/strip.js'

/** A range of offsets; an insertion is an empty one. */
export interface Span {
  start: number
  end: number
}

/** Where one pass's edits were in the text before it, and where their text is after it. */
export function editSpans(applied: readonly Edit[]): {before: Span[]; after: Span[]} {
  const sorted = [...applied].sort((a, b) => a.start - b.start)
  const before: Span[] = []
  const after: Span[] = []
  let delta = 0
  for (const edit of sorted) {
    before.push({start: edit.start, end: edit.end})
    after.push({start: edit.start + delta, end: edit.start + delta + edit.text.length})
    delta += edit.text.length - (edit.end - edit.start)
  }
  return {before, after}
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

function spanOf(value: Json): Span | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const position = value.position
  if (!position || typeof position !== 'object' || Array.isArray(position)) return undefined
  const start = (position.start as {offset?: number} | undefined)?.offset
  const end = (position.end as {offset?: number} | undefined)?.offset
  return typeof start === 'number' && typeof end === 'number' ? {start, end} : undefined
}

function isPositionKey(key: string): boolean {
  return key === 'position' || key.endsWith('Position')
}

/** Whether a model element at `span` (the whole document when unknown) touches an edit. */
function touches(span: Span | undefined, edits: readonly Span[]): boolean {
  if (edits.length === 0) return false
  if (!span) return true
  return edits.some((edit) => edit.start <= span.end && span.start <= edit.end)
}

/**
 * Paths where two models differ (positions aside) at an element that no edit
 * touched: each difference is located by the nearest element with a
 * position, in the model before (against the edits' old ranges) or after
 * (against their new text). Array items are matched by content, so an item
 * inserted by a fix does not make every later one differ.
 */
export function unexplainedChanges(before: unknown, after: unknown, edits: {before: Span[]; after: Span[]}): string[] {
  const out: string[] = []
  walk(JSON.parse(JSON.stringify(before)) as Json, JSON.parse(JSON.stringify(after)) as Json, '', undefined, undefined)
  return out

  function walk(a: Json, b: Json, path: string, spanA: Span | undefined, spanB: Span | undefined): void {
    if (isDeepStrictEqual(stripPositions(a), stripPositions(b))) return
    if (Array.isArray(a) && Array.isArray(b)) {
      walkArrays(a, b, path, spanA, spanB)
      return
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const nextA = spanOf(a) ?? spanA
      const nextB = spanOf(b) ?? spanB
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (isPositionKey(key)) continue
        walk(a[key] ?? null, b[key] ?? null, `${path}.${key}`, nextA, nextB)
      }
      return
    }
    if (!touches(spanA, edits.before) && !touches(spanB, edits.after)) out.push(path || '.')
  }

  function walkArrays(a: Json[], b: Json[], path: string, spanA: Span | undefined, spanB: Span | undefined): void {
    const keysA = a.map((item) => JSON.stringify(stripPositions(item)))
    const keysB = b.map((item) => JSON.stringify(stripPositions(item)))
    let i = 0
    let j = 0
    const changes = diffArrays(keysA, keysB)
    for (let k = 0; k < changes.length; k++) {
      const change = changes[k]
      if (!change) continue
      if (!change.added && !change.removed) {
        i += change.count ?? change.value.length
        j += change.count ?? change.value.length
        continue
      }
      const next = changes[k + 1]
      const removed = change.removed ? change.value.length : 0
      const added = change.added ? change.value.length : change.removed && next?.added ? next.value.length : 0
      if (change.removed && next?.added) k++
      const paired = Math.min(removed, added)
      for (let n = 0; n < paired; n++) walk(a[i + n] ?? null, b[j + n] ?? null, `${path}[${i + n}]`, spanA, spanB)
      for (let n = paired; n < removed; n++) {
        if (!touches(spanOf(a[i + n] ?? null) ?? spanA, edits.before)) out.push(`${path}[${i + n}] (removed)`)
      }
      for (let n = paired; n < added; n++) {
        if (!touches(spanOf(b[j + n] ?? null) ?? spanB, edits.after)) out.push(`${path}[${j + n}] (added)`)
      }
      i += removed
      j += added
    }
  }
}
