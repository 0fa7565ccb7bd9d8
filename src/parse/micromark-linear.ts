import {EditMap} from 'micromark-util-edit-map'
import type {Event} from 'micromark-util-types'

type Change = [number, number, Event[]]

/**
 * micromark's `EditMap#consume` rebuilds the whole event list for every
 * batch of edits. The document tokenizer consumes one batch each time a block
 * quote or list closes after a blank line, so a spec with thousands of block
 * quotes parses in quadratic time (4,000 quotes: ~12 s). This version copies
 * only the events from the first edit on, which is where those edits sit
 * (near the end), with the same result; test/robustness checks it against
 * the original on every generated document.
 */
export function consumeFromFirstEdit(this: EditMap, events: Event[]): undefined {
  const map = (this as unknown as {map: Change[]; index: Map<number, Change>}).map
  map.sort((a, b) => a[0] - b[0])
  if (map.length === 0) return
  const first = (map[0] as Change)[0]
  const rest = events.slice(first)
  const end = first + rest.length
  events.length = first
  let cursor = first
  for (const [at, remove, add] of map) {
    for (let i = cursor; i < at && i < end; i++) events.push(rest[i - first] as Event)
    for (const event of add) events.push(event)
    if (at + remove > cursor) cursor = at + remove
  }
  for (let i = cursor; i < end; i++) events.push(rest[i - first] as Event)
  map.length = 0
  ;(this as unknown as {index: Map<number, Change>}).index.clear()
}

// Kept to call back with the map as `this` (see the tests), never detached from it.
// eslint-disable-next-line @typescript-eslint/unbound-method
export const originalConsume = EditMap.prototype.consume

/** Install once; micromark and micromark-core-commonmark share this module. */
EditMap.prototype.consume = consumeFromFirstEdit
