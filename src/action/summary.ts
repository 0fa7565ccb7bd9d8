import {docsBase} from '../rule.js'
import {byPriority} from './annotations.js'
import type {Entry} from './annotations.js'

export interface SummaryInput {
  entries: Entry[]
  /** Every file linted, repository-relative. */
  files: string[]
  failOn: 'error' | 'warning'
  passed: boolean
  /** Lines about the `fix` and `format-check` checks, already in Markdown. */
  fixNotes: string[]
  /** Why those checks failed (`spec-lint --format` would change 1 file), for the verdict. */
  failures?: string[]
  shown: number
}

/** Text in a table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
}

function ruleLink(id: string | undefined | null): string {
  if (!id) return ''
  return /^[a-z][a-z0-9-]*$/.test(id) ? `[\`${id}\`](${docsBase}${id}.md)` : `\`${cell(id)}\``
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The most frequent rule ids first. */
function topRules(entries: Entry[], count = 3): string {
  const tally = new Map<string, number>()
  for (const e of entries) {
    const id = e.message.ruleId ?? ''
    tally.set(id, (tally.get(id) ?? 0) + 1)
  }
  return [...tally]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([id, n]) => (n > 1 ? `${ruleLink(id) || 'other'} ×${n}` : ruleLink(id) || 'other'))
    .join(', ')
}

/** Past this many rows the message table is cut: the step summary holds 1 MiB. */
const maxRows = 1000

/**
 * The job summary: the verdict, a table of files with their error and
 * warning counts and top rules, and every message (annotations show ten
 * of each kind at most).
 */
export function summary(input: SummaryInput): string {
  const {entries, files, failOn, passed, fixNotes, shown} = input
  const failures = input.failures ?? []
  const errors = entries.filter((e) => e.level === 'error').length
  const warnings = entries.filter((e) => e.level === 'warning').length
  const withMessages = new Set(entries.map((e) => e.file))
  const out: string[] = ['## spec-lint', '']
  const counts =
    entries.length === 0
      ? `no errors or warnings in ${plural(files.length, 'file')}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${withMessages.size} of ${plural(files.length, 'file')}`
  // A failure by `fix` or `format-check` alone must not read as failing on "no errors or warnings".
  const lead = passed ? '✅ Passed' : failures.length > 0 ? `❌ Failed: ${failures.join('; ')}; lint` : '❌ Failed'
  out.push(`${lead}: ${counts} (fails on: ${failOn}).`, '')
  out.push(...fixNotes.map((note) => `- ${note}`))
  if (fixNotes.length > 0) out.push('')
  if (entries.length === 0) return out.join('\n') + '\n'

  out.push('| File | Errors | Warnings | Top rules |', '|---|---:|---:|---|')
  const byFile = new Map<string, Entry[]>()
  for (const e of [...entries].sort(byPriority)) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e])
  for (const [file, list] of byFile) {
    const name = `\`${cell(file)}\`` + (list[0]?.changed ? ' (changed)' : '')
    const e = list.filter((x) => x.level === 'error').length
    const w = list.filter((x) => x.level === 'warning').length
    out.push(`| ${name} | ${e} | ${w} | ${topRules(list)} |`)
  }
  out.push('')
  if (shown < entries.length) {
    out.push(
      `Annotations show ${shown} of ${plural(entries.length, 'message')} (GitHub's limit is 10 errors and 10 warnings per step); all are listed here.`,
      ''
    )
  }
  out.push('<details><summary>All messages</summary>', '', '| Place | Severity | Message | Rule |', '|---|---|---|---|')
  const sorted = [...entries].sort(byPriority)
  for (const e of sorted.slice(0, maxRows)) {
    const where = `${e.file}:${e.message.line ?? 1}:${e.message.column ?? 1}`
    out.push(`| \`${cell(where)}\` | ${e.level} | ${cell(e.message.reason)} | ${ruleLink(e.message.ruleId)} |`)
  }
  if (sorted.length > maxRows) out.push('', `${sorted.length - maxRows} more messages are not listed; run \`spec-lint\` locally for all of them.`)
  out.push('', '</details>', '')
  return out.join('\n')
}
