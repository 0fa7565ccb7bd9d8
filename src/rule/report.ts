import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from '../model/schema.js'
import type {Level} from './config.js'
import {source} from './control.js'

/** Where each rule's generated page lives: `docs/rules/<id>.md` in the repository. */
export const docsBase = 'https://github.com/spec-lint/spec-lint/blob/main/docs/rules/'

declare module 'vfile-message' {
  interface VFileMessage {
    /**
     * Every place the message refers to besides its own (`cause` holds the
     * first, as remark-lint does), for reporters that can link them: SARIF's
     * `relatedLocations`, the JSON report.
     */
    related?: VFileMessage[] | undefined
  }
}

/** A place a message refers to: the first definition of a duplicate, the other spec with the same promise. */
export interface RelatedPlace {
  /** What is at the place, in a few words (`First stream \`api\``). */
  reason: string
  place: Position | Point
  /** The file the place is in, when not the message's own. */
  file?: VFile
}

export interface ReportExtra {
  /** Replacement text for `place`; the first entry is the fix. */
  expected?: string[]
  actual?: string
  note?: string
  /** The error behind the message (a file that could not be read). */
  cause?: Error
  /** Other places the message refers to; each keeps its own position. */
  related?: RelatedPlace[]
  /**
   * `warning`: report as a warning even when the rule runs as an error;
   * `error`: report as an error even when the rule runs as a warning.
   */
  severity?: 'warning' | 'error'
}

export type Report = (reason: string, place?: Position | Point, extra?: ReportExtra) => void

/**
 * The one way a rule's message is made, for the per-file and the cross-file
 * phase alike: rule id, source, docs URL, severity, fix and related places.
 * `tree` and `text` are the file's, when it still has them: a fix is only
 * offered where it can take effect.
 */
export function reporter(id: string, level: Level, file: VFile, tree?: Root, text?: string): Report {
  const url = docsBase + id + '.md'
  // Where the text's last non-blank character ends: past it, an unclosed block swallows the rest.
  let contentEnd: number | undefined
  return (reason, place, extra = {}) => {
    const related = (extra.related ?? []).map((entry) => relatedMessage(id, file, entry))
    const cause = extra.cause ?? related[0]
    const message = withoutStack(() => file.message(reason, {place, ruleId: id, source, ...(cause === undefined ? {} : {cause})}))
    message.url = url
    message.fatal = extra.severity === 'error' || (level === 'error' && extra.severity !== 'warning')
    // A fix that lands in a code block or comment never takes effect: offering
    // it would make `--fix` insert the same text on every pass.
    if (
      extra.expected &&
      tree &&
      text !== undefined &&
      !(place && swallowed(tree, text, (contentEnd ??= text.trimEnd().length), 'start' in place ? place.start.offset : place.offset))
    ) {
      message.expected = extra.expected
    }
    if (extra.actual !== undefined) message.actual = extra.actual
    if (extra.note !== undefined) message.note = extra.note
    if (related.length > 0) message.related = related
  }
}

/*
 * A message is an Error, and an Error records the stack it was made on: a
 * rule's stack says nothing to the reader, and recording it was a tenth of
 * a lint run on a large spec with hundreds of messages.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

function relatedMessage(id: string, file: VFile, entry: RelatedPlace): VFileMessage {
  const message = withoutStack(() => new VFileMessage(entry.reason, {place: entry.place, ruleId: id, source}))
  const path = (entry.file ?? file).path
  if (path) message.file = path
  // An info, not a finding: only its place matters.
  message.fatal = undefined
  return message
}

/**
 * The places a message refers to: its `related` list, else a `cause` that
 * is a message about a place of the same rule (the remark-lint convention,
 * so other plugins' related places are linked too).
 */
export function relatedOf(message: VFileMessage): VFileMessage[] {
  if (message.related && message.related.length > 0) return message.related
  const cause = relatedCause(message)
  return cause ? [cause] : []
}

/**
 * A message's `cause` when it is a related place (a message of the same
 * rule with a place), not the error behind the message: reporters fold
 * errors into the reason and link places.
 */
export function relatedCause(message: VFileMessage): VFileMessage | undefined {
  const cause: unknown = message.cause
  if (!(cause instanceof Error) || message.ruleId === undefined) return undefined
  if (!('ruleId' in cause) || cause.ruleId !== message.ruleId || !('place' in cause) || !cause.place) return undefined
  return cause as VFileMessage
}

export function isRelatedCause(message: VFileMessage): boolean {
  return relatedCause(message) !== undefined
}

/**
 * Whether text put at `offset` would be read as part of a top-level code
 * block or HTML comment: strictly inside one, or after one that is never
 * closed and runs to the end of the file (a half-written spec).
 */
function swallowed(tree: Root, text: string, contentEnd: number, offset: number | undefined): boolean {
  if (offset === undefined) return false
  for (const node of tree.children) {
    if (node.type !== 'code' && node.type !== 'html') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (offset > start && offset < end) return true
    if (offset >= end && end >= contentEnd && unclosed(node.type, text.slice(start, end))) return true
  }
  return false
}

function unclosed(type: 'code' | 'html', raw: string): boolean {
  if (type === 'html') return raw.startsWith('<!--') && !raw.includes('-->', 4)
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1]
  if (!fence) return false
  const lines = raw.trimEnd().split(/\r\n|\r|\n/)
  const last = (lines[lines.length - 1] ?? '').trim()
  return lines.length < 2 || !(last.startsWith(fence) && /^(`+|~+)$/.test(last))
}
