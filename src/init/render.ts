import {joinLines} from '../model/text.js'
import type {Entry, Scaffold} from './scaffold.js'

/**
 * Print a scaffold as Markdown in the canonical style the formatter emits:
 * ATX headings, `-` bullets, `- [ ]` checkboxes, GFM tables whose delimiter
 * row is dashes as wide as the padded header cell, one blank line between
 * blocks, one newline at the end. This is the only place that prints, so the
 * output can be piped through the formatter as one step.
 */
export function renderSpec(spec: Scaffold): string {
  const blocks: string[] = []
  const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n')
  // Nested items two spaces in; a code block under its item, fenced past any backtick run it holds.
  const entries = (items: readonly Entry[]) =>
    items
      .map((item) => {
        const lines = [`- ${item.text}`, ...item.children.map((child) => `  - ${child}`)]
        if (item.code) {
          const fence = '`'.repeat(Math.max(3, longestRun(item.code.value, '`') + 1))
          lines.push('', `  ${fence}${item.code.lang ?? ''}`, ...item.code.value.split('\n').map((line) => (line ? `  ${line}` : '')), `  ${fence}`)
        }
        return lines.join('\n')
      })
      .join('\n')
  const checklist = (items: readonly string[]) => items.map((item) => `- [ ] ${item}`).join('\n')
  const table = (header: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
    [
      `| ${header.join(' | ')} |`,
      `|${header.map((cell) => '-'.repeat(cell.length + 2)).join('|')}|`,
      ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
    ].join('\n')
  const section = (name: string, ...body: string[]) => blocks.push(`## ${name}`, ...body)

  blocks.push(`# ${spec.title}`)

  section(
    'Meta',
    table(
      ['Field', 'Value'],
      [
        ['Type', spec.meta.type],
        ['Repo', spec.meta.repo],
        ['Status', spec.meta.status],
        ['Created', spec.meta.created],
        ...(spec.meta.discovery ? [['Discovery', `\`${spec.meta.discovery}\``]] : [])
      ]
    )
  )
  section('Overview', ...spec.overview)
  section('Skills', 'Load these skills before starting:', list(spec.skills))
  section('Requirements', entries(spec.requirements))
  if (spec.architecture) {
    section('Architecture', ...spec.architecture.flatMap((group) => (group.label ? [`**${group.label}**`, entries(group.items)] : [entries(group.items)])))
  }
  section(
    'Reference Files',
    '**From Discovery:**',
    list(spec.referenceFiles.fromDiscovery),
    '**From Spec Research:**',
    list(spec.referenceFiles.fromSpecResearch)
  )

  const plan = spec.plan
  section('Execution Plan')
  blocks.push(
    '### Work Streams',
    table(
      ['Stream', 'Responsibility', 'Owns', 'Skills'],
      plan.workStreams.map((s) => [s.name, s.responsibility, s.owns, s.skills])
    )
  )
  for (const phase of plan.phases) {
    blocks.push(
      `### Phase ${phase.number}: ${phase.name}`,
      table(
        ['Chunk', 'Stream', 'Outcome', 'Depends On'],
        phase.chunks.map((c) => [c.title, c.stream, c.tableOutcome, c.dependsOn])
      )
    )
    // Checklist items hold several blocks, so the list is spread: a blank line between items.
    blocks.push(
      phase.chunks
        .map((c) =>
          [
            `- [ ] **${c.title}**${c.note ? ` ${c.note}` : ''}`,
            '',
            `  Outcome: ${c.outcome}`,
            `  Stream: ${c.stream}`,
            `  Skills: ${c.skills}`,
            '',
            ...c.subtasks.map((task) => `  - ${task}`)
          ].join('\n')
        )
        .join('\n\n')
    )
  }
  blocks.push(
    '### Communication',
    table(
      ['From', 'To', 'When', 'What'],
      plan.communication.map((r) => [r.from, r.to, r.when, r.what])
    )
  )

  section('Acceptance Criteria', checklist(spec.acceptance))
  section('Completion Promise', `<promise>${spec.promise}</promise>`)
  // An unlabelled group is prose: two lists in a row would merge into one.
  section('Notes', ...spec.notes.flatMap((group) => (group.label ? [group.label, list(group.items)] : group.items)))

  return blocks.join('\n\n') + '\n'
}

function longestRun(text: string, char: string): number {
  let best = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    best = Math.max(best, run)
  }
  return best
}

/** A table cell on one line with its pipes escaped. */
function cell(text: string): string {
  return joinLines(text).replace(/(?<!\\)\|/g, '\\|')
}
