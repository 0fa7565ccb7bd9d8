import type {Chunk, Phase} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {at} from '../src/model/positions.js'
import {executionPlan, isNoStream, phaseLabel, refIdentity} from '../src/model/plan-queries.js'

const plan = (table: string, details: string) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n${table}\n${details}`

/** The checklist item a fix inserts for a row: title, Outcome and Stream from the row. */
function detailFor(chunk: Chunk, checkbox: boolean): string {
  const row = chunk.row
  const lines = [`- ${checkbox ? '[ ] ' : ''}**${row?.title ?? chunk.title}**`, '']
  lines.push(`  Outcome: ${row?.outcome && row.outcome.trim() !== '' ? row.outcome.trim() : '[success statement]'}`)
  if (row && !isNoStream(row.stream)) lines.push(`  Stream: ${row.stream}`)
  return lines.join('\n')
}

function insertionPoint(phase: Phase) {
  const last = phase.details[phase.details.length - 1]
  return last ? last.position.end : (phase.table?.position.end ?? phase.headingPosition.end)
}

export default defineRule({
  id: 'chunk-details-match',
  summary: 'Every chunk table row has a checklist item in its phase, and every item a row',
  description:
    "Fires on a table row with no checklist item among its phase's details, and on a checklist item with no row. Titles match when equal after normalising case, punctuation, `+`/`&`/`and` and a chunk id prefix (`C2`), or when one extends the other (`Login and register` ↔ `Login and register endpoints`). The fix inserts the missing item after the phase's last item, from the row's title, Outcome and Stream.",
  rationale:
    'The table is what the coordinator schedules and the checklist is what the agent works through and ticks off; a chunk in only one of them is either never done or never scheduled.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const plan = executionPlan(spec)
    if (!plan) return
    for (const phase of plan.phases) {
      if (!phase.table) continue
      const checkbox = phase.details.length === 0 || phase.details.some((d) => d.checked !== null)
      const point = insertionPoint(phase)
      for (const chunk of phase.chunks) {
        if (chunk.row && !chunk.detail) {
          ctx.report(
            `Missing checklist item for chunk \`${chunk.row.title}\` (row at line ${chunk.row.position.start.line}) in \`${phaseLabel(phase)}\`, expected \`- [ ] **${chunk.row.title}**\` with its Outcome`,
            at(point),
            {expected: [`\n\n${detailFor(chunk, checkbox)}`]}
          )
        } else if (chunk.row?.dependsOn && chunk.detail?.dependsOn) {
          // Written twice, they are merged; only a disagreement is worth a message.
          const row = chunk.row.dependsOn
          const detail = chunk.detail.dependsOn
          const rowSet = new Set(row.refs.map(refIdentity))
          const detailSet = new Set(detail.refs.map(refIdentity))
          const same = rowSet.size === detailSet.size && [...rowSet].every((identity) => detailSet.has(identity))
          if (!same) {
            ctx.report(
              `Unexpected \`Depends On: ${detail.raw.trim()}\` for chunk \`${chunk.row.title}\`, expected \`${row.raw.trim()}\` as in its table row (line ${row.position.start.line})`,
              detail.position
            )
          }
        } else if (chunk.detail && !chunk.row) {
          ctx.report(
            `Unexpected checklist item \`${chunk.detail.title}\` without a row in the chunk table of \`${phaseLabel(phase)}\`, expected a matching \`Chunk\` cell`,
            chunk.detail.titlePosition
          )
        }
      }
    }
  },
  examples: {
    valid: [
      {
        name: 'Depends On in the row and again on the detail line, agreeing',
        input: plan(
          '| Models | Tables | — |\n| Endpoints | API | Models |\n',
          '- [ ] **Models**\n\n  Outcome: Tables.\n\n- [ ] **Endpoints**\n\n  Outcome: API.\n  Depends On: Models\n'
        )
      },
      {
        name: 'titles that differ by `+`/`and` and by an extension',
        input: plan(
          '| User model + token model | Tables | — |\n| Login and register | Users log in | — |\n',
          '- [ ] **User model and token model**\n\n  Outcome: Tables.\n\n- [ ] **Login and register endpoints**\n\n  Outcome: Users log in.\n'
        )
      },
      {
        name: 'a chunk id prefix',
        input: plan('| C2 Database schema | Tables | — |\n', '- [ ] **Database schema**\n\n  Outcome: Tables.\n')
      }
    ],
    invalid: [
      {
        name: 'Depends On in the row and the detail line disagreeing',
        input: plan(
          '| Models | Tables | — |\n| Seeds | Data | — |\n| Endpoints | API | Models |\n',
          '- [ ] **Models**\n\n  Outcome: Tables.\n\n- [ ] **Seeds**\n\n  Outcome: Data.\n\n- [ ] **Endpoints**\n\n  Outcome: API.\n  Depends On: Seeds\n'
        ),
        messages: ['24:15-24:20: Unexpected `Depends On: Seeds` for chunk `Endpoints`, expected `Models` as in its table row (line 11)']
      },
      {
        name: 'a row without an item',
        input: plan('| Models | Tables exist | — |\n| Endpoints | Users call the API | Models |\n', '- [ ] **Models**\n\n  Outcome: Tables exist.\n'),
        messages: [
          '14:25: Missing checklist item for chunk `Endpoints` (row at line 10) in `Phase 1: Foundation`, expected `- [ ] **Endpoints**` with its Outcome'
        ],
        output:
          '# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables exist | — |\n| Endpoints | Users call the API | Models |\n\n- [ ] **Models**\n\n  Outcome: Tables exist.\n\n- [ ] **Endpoints**\n\n  Outcome: Users call the API\n'
      },
      {
        name: 'an item without a row',
        input: plan('| Models | Tables exist | — |\n', '- [ ] **Models**\n\n  Outcome: Tables exist.\n\n- [ ] **Caching**\n\n  Outcome: Reads are cached.\n'),
        messages: [
          '15:9-15:16: Unexpected checklist item `Caching` without a row in the chunk table of `Phase 1: Foundation`, expected a matching `Chunk` cell'
        ]
      },
      {
        name: 'a table and no checklist',
        input: plan('| Models | Tables exist | — |\n| Endpoints | Users call the API | — |\n', ''),
        messages: [
          '10:39: Missing checklist item for chunk `Models` (row at line 9) in `Phase 1: Foundation`, expected `- [ ] **Models**` with its Outcome',
          '10:39: Missing checklist item for chunk `Endpoints` (row at line 10) in `Phase 1: Foundation`, expected `- [ ] **Endpoints**` with its Outcome'
        ],
        output:
          '# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables exist | — |\n| Endpoints | Users call the API | — |\n\n- [ ] **Models**\n\n  Outcome: Tables exist\n\n- [ ] **Endpoints**\n\n  Outcome: Users call the API\n\n'
      }
    ]
  }
})
