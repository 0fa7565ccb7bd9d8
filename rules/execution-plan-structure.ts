import {defineRule, noOptions} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'
import {executionPlan, phaseLabel} from '../src/model/plan-queries.js'

const plan = (body: string) => `# T\n\n## Execution Plan\n\n${body}`
const phase = (n: number | string, name: string) =>
  `### Phase ${n}: ${name}\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| ${name} work | Done | — |\n\n`

export default defineRule({
  id: 'execution-plan-structure',
  summary: 'The Execution Plan has `### Phase N: Name` phases, numbered in order, each with chunks',
  description:
    'Fires when the Execution Plan has no `### Phase N: Name` heading, when phases are not numbered consecutively from 0 or 1, and on a phase without chunks (no table row and no checklist item). The fix renumbers a phase heading.',
  rationale:
    'Phases are the order of work: agents run them one after the other and `Phase N` references in Depends On point at them by number. A gap or a repeat makes those references ambiguous, and an empty phase is a step with nothing to do.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const plan = executionPlan(spec)
    if (!plan) return
    if (plan.phases.length === 0) {
      const section = findSection(spec, 'Execution Plan')
      ctx.report('Missing phases in the Execution Plan, expected at least one `### Phase N: Name` heading', section?.headingPosition ?? plan.position)
      return
    }
    const first = plan.phases[0]?.number ?? 1
    let expected = first === 0 || first === 1 ? first : 1
    for (const phase of plan.phases) {
      const number = phase.number
      if (number !== null && number !== expected) {
        // Place the message on the number itself, so that the fix rewrites only the digits.
        const start = phase.headingPosition.start.offset
        const text = ctx.source.slice(start, phase.headingPosition.end.offset)
        const match = /phase\s+(\d+)/i.exec(text)
        if (match) {
          const offset = start + match.index + match[0].length - (match[1] ?? '').length
          const column = phase.headingPosition.start.column + (offset - start)
          const line = phase.headingPosition.start.line
          ctx.report(
            `Unexpected phase number \`${number}\`, expected \`${expected}\` (phases are numbered consecutively from ${first === 0 ? 0 : 1})`,
            {start: {line, column, offset}, end: {line, column: column + String(number).length, offset: offset + String(number).length}},
            {expected: [String(expected)]}
          )
        }
      }
      expected++
      if (phase.rows.length === 0 && phase.details.length === 0) {
        const bullets = phase.bullets.length
        ctx.report(
          bullets > 0
            ? `Missing chunks in \`${phaseLabel(phase)}\`, found ${bullets} plain ${bullets === 1 ? 'bullet' : 'bullets'}; expected chunks (\`- [ ] **Title**\` items or chunk-table rows)`
            : `Missing chunks in \`${phaseLabel(phase)}\`, expected a chunk table and checklist`,
          phase.headingPosition
        )
      }
    }
  },
  examples: {
    valid: [
      {name: 'phases from 1', input: plan(phase(1, 'Foundation') + phase(2, 'Endpoints'))},
      {name: 'phases from 0, em dash headings', input: plan('### Phase 0 — Scaffold\n\n- **C0.1** New app\n\n### Phase 1 — Shell\n\n- **C1.1** Header\n')},
      {name: 'the older Work Breakdown is left to required-sections', input: '# T\n\n## Work Breakdown\n\n### Backend\n\n- [ ] **Auth**\n'}
    ],
    invalid: [
      {
        name: 'a phase made only of plain to-do bullets: once, not per bullet',
        input: plan(
          '### Phase 1 — Build\n\n- **C1.1** The app\n\n### Phase 2 — Hand-over\n\n- Client signs the domain transfer.\n- Client adds the billing card.\n'
        ),
        messages: ['9:1-9:24: Missing chunks in `Phase 2 — Hand-over`, found 2 plain bullets; expected chunks (`- [ ] **Title**` items or chunk-table rows)']
      },
      {
        name: 'a gap in the numbers',
        input: plan(phase(1, 'Foundation') + phase(3, 'Endpoints')),
        messages: ['11:11-11:12: Unexpected phase number `3`, expected `2` (phases are numbered consecutively from 1)'],
        output: plan(phase(1, 'Foundation') + phase(2, 'Endpoints'))
      },
      {
        name: 'starting at 2',
        input: plan(phase(2, 'Foundation') + phase(3, 'Endpoints')),
        messages: [
          '5:11-5:12: Unexpected phase number `2`, expected `1` (phases are numbered consecutively from 1)',
          '11:11-11:12: Unexpected phase number `3`, expected `2` (phases are numbered consecutively from 1)'
        ],
        output: plan(phase(1, 'Foundation') + phase(2, 'Endpoints'))
      },
      {
        name: 'a repeated number',
        input: plan(phase(0, 'Scaffold') + phase(0, 'Shell')),
        messages: ['11:11-11:12: Unexpected phase number `0`, expected `1` (phases are numbered consecutively from 0)'],
        output: plan(phase(0, 'Scaffold') + phase(1, 'Shell'))
      },
      {
        name: 'no phase heading',
        input: plan('| Chunk | Outcome | Depends On |\n|---|---|---|\n| Work | Done | — |\n'),
        messages: ['3:1-3:18: Missing phases in the Execution Plan, expected at least one `### Phase N: Name` heading']
      },
      {
        name: 'a phase without chunks',
        input: plan(phase(1, 'Foundation') + '### Phase 2: Later\n\nTo be planned after phase 1.\n'),
        messages: ['11:1-11:19: Missing chunks in `Phase 2: Later`, expected a chunk table and checklist']
      }
    ]
  }
})
