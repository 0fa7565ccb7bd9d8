import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface CompactOptions {
  color?: boolean
  quiet?: boolean
  silent?: boolean
  verbose?: boolean
}

/**
 * spec-lint's default report: one line per message, starting with
 * `file:line:column` so terminals and editors can jump to it, then the
 * severity, the reason and the rule id; a summary line last.
 */
export function reporterCompact(files: VFile[], options: CompactOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  for (const file of files) {
    const name = file.path ? escapeBreaks(file.path) : '<stdin>'
    const messages = [...file.messages]
      .filter((m) => !options.silent || m.fatal)
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    if (messages.length === 0) {
      if (options.verbose && !options.silent) lines.push(`${name}: no issues found`)
      continue
    }
    const rows = messages.map((message) => {
      if (message.fatal) errors++
      else warnings++
      return {
        where: `${name}:${where(message)}`,
        level: message.fatal ? 'error' : 'warning',
        reason: escapeBreaks(message.reason),
        rule: message.ruleId ?? '',
        extra: options.verbose ? [message.note, message.url].filter(Boolean).join('\n    ') : ''
      }
    })
    const whereWidth = Math.max(...rows.map((r) => r.where.length))
    for (const row of rows) {
      const level = row.level === 'error' ? paint(31, 'error  ') : paint(33, 'warning')
      // The reason is not padded to the longest one: a long message would push every line past 80 columns.
      lines.push(`${row.where.padEnd(whereWidth)}  ${level}  ${row.reason}  ${paint(90, row.rule)}`.trimEnd())
      if (row.extra) lines.push(`    ${row.extra}`)
    }
  }
  if (errors + warnings > 0) {
    const parts = []
    if (errors) parts.push(paint(31, `✖ ${errors} ${errors === 1 ? 'error' : 'errors'}`))
    if (warnings) parts.push(paint(33, `⚠ ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`))
    lines.push('', parts.join(', '))
  }
  return lines.length > 0 ? lines.join('\n') : ''
}

/**
 * A line break in a file name (or a reason quoting one) would split a
 * message over lines and break `file:line:column`; it is percent-encoded as
 * the GitHub reporter does. `%` is encoded too, but only then, so the
 * escaped name reads back unambiguously and common names stay as they are.
 */
function escapeBreaks(value: string): string {
  if (!/[\r\n\u2028\u2029]/.test(value)) return value
  return value
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/\u2028/g, '%E2%80%A8')
    .replace(/\u2029/g, '%E2%80%A9')
}

function where(message: VFileMessage): string {
  const place = message.place
  if (!place) return '1:1'
  if ('start' in place) {
    const {start, end} = place
    return start.line === end.line && start.column === end.column ? `${start.line}:${start.column}` : `${start.line}:${start.column}-${end.line}:${end.column}`
  }
  return `${place.line}:${place.column}`
}
