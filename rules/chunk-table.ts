import {defineRule, noOptions} from '../src/rule.js'
import {listOf} from '../src/model/text.js'
import {declaredStreams, executionPlan, phaseLabel, planHeadingPosition} from '../src/model/plan-queries.js'

const columns = [
  {name: 'Chunk', aliases: ['chunk', 'name', 'title']},
  {name: 'Stream', aliases: ['stream']},
  {name: 'Outcome', aliases: ['outcome']},
  {name: 'Depends On', aliases: ['depends on', 'depends', 'dependencies', 'blocked by']}
] as const

const phase = (table: string, streams = '') =>
  `# T\n\n## Execution Plan\n\n${streams}### Phase 1: Foundation\n\n${table}- [ ] **Models**\n\n  Outcome: Tables exist.\n`

const withStreams = '### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | src/ | backend-api |\n\n'

export default defineRule({
  id: 'chunk-table',
  summary: 'Each phase has a `Chunk | Stream | Outcome | Depends On` table',
  description:
    'Fires on a phase with chunks but no table, and on a chunk table without one of the columns Chunk, Stream, Outcome and Depends On. Stream may be left out when the plan has no work streams.',
  rationale: 'The table is the phase at a glance: the coordinator reads who does what, and in which order, from it without reading every checklist item.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const plan = executionPlan(spec)
    if (!plan) return
    const hasStreams = declaredStreams(spec).length > 0
    const header = hasStreams ? 'Chunk | Stream | Outcome | Depends On' : 'Chunk | Outcome | Depends On'
    const withoutTable = plan.phases.filter((phase) => !phase.table && (phase.rows.length > 0 || phase.details.length > 0))
    const heading = planHeadingPosition(spec)
    // A plan written without chunk tables is one habit: one message on the plan, naming the phases.
    if (withoutTable.length > 1 && heading) {
      ctx.report(`Missing chunk tables in ${listOf(withoutTable.map(phaseLabel), 'and')}, expected a \`${header}\` table in each phase`, heading)
    } else {
      for (const phase of withoutTable) {
        ctx.report(`Missing chunk table in \`${phaseLabel(phase)}\`, expected \`${header}\``, phase.headingPosition)
      }
    }
    for (const phase of plan.phases) {
      if (!phase.table) continue
      const header = phase.table.columns.map((c) => c.toLowerCase())
      const missing = columns
        .filter((column) => column.name !== 'Stream' || hasStreams)
        .filter((column) => !column.aliases.some((alias) => header.includes(alias)))
        .map((column) => column.name)
      if (missing.length > 0) {
        ctx.report(
          `Missing ${missing.length === 1 ? 'column' : 'columns'} ${listOf(missing, 'and')} in the chunk table of \`${phaseLabel(phase)}\`, expected \`Chunk | Stream | Outcome | Depends On\``,
          phase.table.headerPosition
        )
      }
    }
  },
  examples: {
    valid: [
      {input: phase('| Chunk | Stream | Outcome | Depends On |\n|---|---|---|---|\n| Models | data | Tables exist | — |\n\n', withStreams)},
      {name: 'no Stream column without work streams', input: phase('| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables exist | — |\n\n')}
    ],
    invalid: [
      {name: 'no table', input: phase(''), messages: ['5:1-5:24: Missing chunk table in `Phase 1: Foundation`, expected `Chunk | Outcome | Depends On`']},
      {
        name: 'a plan written without chunk tables: one message on the plan',
        input: `${phase('')}\n### Phase 2: Endpoints\n\n- [ ] **Login**\n\n  Outcome: Users sign in.\n\n### Phase 3: Polish\n\n- [ ] **Docs**\n`,
        messages: [
          '3:1-3:18: Missing chunk tables in `Phase 1: Foundation`, `Phase 2: Endpoints` and `Phase 3: Polish`, expected a `Chunk | Outcome | Depends On` table in each phase'
        ]
      },
      {
        name: 'no Depends On column',
        input: phase('| Chunk | Outcome |\n|---|---|\n| Models | Tables exist |\n\n'),
        messages: ['7:1-7:20: Missing column `Depends On` in the chunk table of `Phase 1: Foundation`, expected `Chunk | Stream | Outcome | Depends On`']
      },
      {
        name: 'no Stream column with work streams',
        input: phase('| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables exist | — |\n\n', withStreams),
        messages: ['13:1-13:33: Missing column `Stream` in the chunk table of `Phase 1: Foundation`, expected `Chunk | Stream | Outcome | Depends On`']
      }
    ]
  }
})
