import type {Point, Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {Diagnostic, DiagnosticSeverity, Range} from 'vscode-languageserver/node.js'
import type {DiagnosticRelatedInformation} from 'vscode-languageserver/node.js'
import {firstLine} from '../engine/errors.js'

function toRange(place: Point | Position | undefined): Range {
  if (!place) return Range.create(0, 0, 0, 0)
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  const line = (value: number | undefined) => Math.max(0, (value ?? 1) - 1)
  return Range.create(line(start.line), line(start.column), line(end.line), line(end.column))
}

function hasPlace(value: unknown): value is VFileMessage & {place: Point | Position} {
  return value instanceof Error && 'place' in value && typeof value.place === 'object' && value.place !== null
}

/**
 * A vfile message as a diagnostic: severity from `fatal` (error, warning,
 * info), the rule id as code, the rule's docs as its link, the fix in
 * `data.expected` for quick fixes. A cause with a place is a related place
 * in the same document; any other cause is folded into the message as one
 * line per reason, never a stack.
 */
export function toDiagnostic(message: VFileMessage, uri: string): Diagnostic {
  const severity = message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information
  const diagnostic = Diagnostic.create(toRange(message.place ?? undefined), message.reason, severity, message.ruleId ?? undefined, message.source ?? undefined)
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (message.expected) diagnostic.data = {expected: message.expected}
  const related: DiagnosticRelatedInformation[] = []
  const reasons: string[] = []
  let cause: unknown = message.cause
  while (cause instanceof Error) {
    if (hasPlace(cause)) related.push({location: {uri, range: toRange(cause.place)}, message: cause.reason})
    else {
      const line = firstLine(cause.message)
      if (!diagnostic.message.includes(line) && !reasons.includes(line)) reasons.push(line)
    }
    cause = (cause as Error & {cause?: unknown}).cause
  }
  if (reasons.length > 0) diagnostic.message = [diagnostic.message, ...reasons].join(': ')
  if (related.length > 0) diagnostic.relatedInformation = related
  if (message.note) diagnostic.message += '\n' + message.note
  return diagnostic
}
