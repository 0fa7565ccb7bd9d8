import type {Point, Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {Diagnostic, DiagnosticSeverity, Range} from 'vscode-languageserver/node.js'
import type {DiagnosticRelatedInformation} from 'vscode-languageserver/node.js'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {firstLine} from '../engine/errors.js'
import {isRelatedCause, relatedOf} from '../rule.js'

function toRange(place: Point | Position | undefined): Range {
  if (!place) return Range.create(0, 0, 0, 0)
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  const line = (value: number | undefined) => Math.max(0, (value ?? 1) - 1)
  return Range.create(line(start.line), line(start.column), line(end.line), line(end.column))
}

/**
 * A vfile message as a diagnostic: severity from `fatal` (error, warning,
 * info), the rule id as code, the rule's docs as its link, the fix in
 * `data.expected` for quick fixes, its related places (in this document or
 * another file) as related information; a cause that is an error is folded
 * into the message as one line per reason, never a stack.
 */
export function toDiagnostic(message: VFileMessage, uri: string, cwd = process.cwd()): Diagnostic {
  const severity = message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information
  const diagnostic = Diagnostic.create(toRange(message.place ?? undefined), message.reason, severity, message.ruleId ?? undefined, message.source ?? undefined)
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (message.expected) diagnostic.data = {expected: message.expected}
  const related: DiagnosticRelatedInformation[] = relatedOf(message).map((place) => ({
    location: {uri: place.file ? pathToFileURL(path.resolve(cwd, place.file)).href : uri, range: toRange(place.place ?? undefined)},
    message: place.reason
  }))
  const reasons: string[] = []
  let cause: unknown = isRelatedCause(message) ? undefined : message.cause
  while (cause instanceof Error) {
    const line = firstLine(cause.message)
    if (!diagnostic.message.includes(line) && !reasons.includes(line)) reasons.push(line)
    cause = (cause as Error & {cause?: unknown}).cause
  }
  if (reasons.length > 0) diagnostic.message = [diagnostic.message, ...reasons].join(': ')
  if (related.length > 0) diagnostic.relatedInformation = related
  if (message.note) diagnostic.message += '\n' + message.note
  return diagnostic
}
