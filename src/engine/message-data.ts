import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {isRelatedCause} from '../rule.js'

/*
 * A message as plain data: what a worker hands back and what the cache
 * keeps, read back into a VFileMessage by the one function for both.
 */

/** A message as plain data, its causes as their messages. */
export interface WireMessage {
  reason: string
  place: NonNullable<VFileMessage['place']> | null
  ruleId: string | null
  source: string | null
  fatal: boolean | null
  url: string | null
  expected: string[] | null
  actual: string | null
  note: string | null
  /** Absent in caches written before causes were kept. */
  causes?: string[]
  /** Places the message refers to (`message.related`; the first is also its `cause`). */
  related?: Array<{reason: string; file: string | null; place: NonNullable<VFileMessage['place']> | null}>
}

export function toWire(message: VFileMessage): WireMessage {
  const causes: string[] = []
  let cause: unknown = isRelatedCause(message) ? undefined : message.cause
  while (cause instanceof Error) {
    causes.push(cause.message)
    cause = (cause as Error & {cause?: unknown}).cause
  }
  return {
    reason: message.reason,
    place: message.place ?? null,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    fatal: message.fatal ?? null,
    url: message.url ?? null,
    expected: message.expected ?? null,
    actual: message.actual ?? null,
    note: message.note ?? null,
    causes,
    related: (message.related ?? []).map((place) => ({reason: place.reason, file: place.file || null, place: place.place ?? null}))
  }
}

export function fromWire(file: VFile, wire: WireMessage): void {
  let cause: Error | undefined
  for (const reason of [...(wire.causes ?? [])].reverse()) cause = cause ? new Error(reason, {cause}) : new Error(reason)
  const message = file.message(wire.reason, {
    place: wire.place ?? undefined,
    ruleId: wire.ruleId ?? undefined,
    source: wire.source ?? undefined,
    ...(cause ? {cause} : {})
  })
  message.fatal = wire.fatal ?? undefined
  if (wire.url !== null) message.url = wire.url
  if (wire.expected !== null) message.expected = wire.expected
  if (wire.actual !== null) message.actual = wire.actual
  if (wire.note !== null) message.note = wire.note
  if (wire.related && wire.related.length > 0) {
    message.related = wire.related.map((entry) => {
      const place = new VFileMessage(entry.reason, {place: entry.place ?? undefined, ruleId: message.ruleId, source: message.source})
      if (entry.file !== null) place.file = entry.file
      place.fatal = undefined
      return place
    })
    message.cause = message.related[0]
  }
}
