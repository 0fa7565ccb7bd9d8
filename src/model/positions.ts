import {location} from 'vfile-location'
import type {Point, Position} from './schema.js'

/** A zero-width place at a point, for messages whose fix inserts text. */
export function at(point: Point): Position {
  return {start: point, end: point}
}

/** The first point of a file, for messages about the whole document. */
export const fileStart: Point = {line: 1, column: 1, offset: 0}

export function endOfFile(source: string): Point {
  // Every line ending micromark knows: CRLF, LF and a lone CR.
  const lines = source.split(/\r\n|\r|\n/)
  const last = lines[lines.length - 1] ?? ''
  return {line: lines.length, column: last.length + 1, offset: source.length}
}

let lastSource: string | undefined
let lastPlace: ReturnType<typeof location> | undefined

/** The point at an offset of the source (one cached index per document). */
export function pointAt(source: string, offset: number): Point {
  if (source !== lastSource || !lastPlace) {
    lastSource = source
    lastPlace = location(source)
  }
  const found = lastPlace.toPoint(Math.max(0, Math.min(offset, source.length)))
  return found && typeof found.offset === 'number' ? {line: found.line, column: found.column, offset: found.offset} : fileStart
}

/** The range of source text between two offsets. */
export function rangeAt(source: string, start: number, end: number): Position {
  return {start: pointAt(source, start), end: pointAt(source, end)}
}

/** Where `needle` occurs inside `within` in the source, else `within` itself. */
export function findIn(source: string, within: Position, needle: string, caseless = false): Position {
  const slice = source.slice(within.start.offset, within.end.offset)
  const index = caseless ? slice.toLowerCase().indexOf(needle.toLowerCase()) : slice.indexOf(needle)
  if (index === -1 || needle === '') return within
  const start = within.start.offset + index
  return rangeAt(source, start, start + needle.length)
}
