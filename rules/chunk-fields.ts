import {defineRule, noOptions} from '../src/rule.js'
import {chunkLabel, declaredStreams, executionPlan, planHeadingPosition} from '../src/model/plan-queries.js'

const listed = (parts: string[]) => (parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`)

const item = (body: string, streams = false) =>
  `# T\n\n## Execution Plan\n\n${streams ? '### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | src/ | backend-api |\n\n' : ''}### Phase 1: Foundation\n\n- [ ] **Models**\n\n${body}`

export default defineRule({
  id: 'chunk-fields',
  summary: 'Each checklist item has Outcome, Stream (with work streams), Skills and sub-tasks',
  description:
    "Fires on a chunk's checklist item without `Outcome:`, without `Stream:` when the plan has work streams, without `Skills:` (`Skills: —` is fine), or without any sub-task. One message per item lists everything it lacks; a field that no item of the plan has is one message on the Execution Plan, with the count.",
  rationale:
    'The item is what one agent session gets: the Outcome says when it is done, Stream and Skills say who does it with what, and the sub-tasks say what is in scope.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const needStream = declaredStreams(spec).length > 0
    const expected = `expected Outcome, ${needStream ? 'Stream, ' : ''}Skills and at least one sub-task`
    const items = spec.chunks.filter((chunk) => chunk.detail !== null)
    const missingOf = items.map((chunk) => {
      const detail = chunk.detail
      const missing: string[] = []
      if (!detail) return missing
      if (!detail.outcome || detail.outcome.value === '') missing.push('`Outcome:`')
      if (needStream && (!detail.stream || detail.stream.value === '')) missing.push('`Stream:`')
      if (!detail.skills) missing.push('`Skills:`')
      if (detail.subtasks.length === 0) missing.push('a sub-task')
      return missing
    })
    // A field no chunk has is one habit of the whole plan: one message on the plan, not one per chunk.
    const heading = planHeadingPosition(spec)
    const everywhere =
      items.length > 1 && heading
        ? ['`Outcome:`', '`Stream:`', '`Skills:`', 'a sub-task'].filter((field) => missingOf.every((missing) => missing.includes(field)))
        : []
    if (everywhere.length > 0 && heading) {
      ctx.report(`Missing ${listed(everywhere)} in all ${items.length} chunks, ${expected} in each`, heading)
    }
    items.forEach((chunk, index) => {
      const missing = (missingOf[index] ?? []).filter((field) => !everywhere.includes(field))
      if (missing.length === 0 || !chunk.detail) return
      ctx.report(`Missing ${listed(missing)} in chunk \`${chunkLabel(chunk)}\`, ${expected}`, chunk.detail.titlePosition)
    })
  },
  examples: {
    valid: [
      {input: item('  Outcome: Tables exist.\n  Stream: data\n  Skills: backend-api\n\n  - Add the tables\n', true)},
      {name: 'no Stream without work streams, `Skills: —`', input: item('  Outcome: Tables exist.\n  Skills: —\n\n  - Add the tables\n')},
      {name: 'fields on one line', input: item('  Outcome: Tables exist.\n  Stream: data · Skills: backend-api\n\n  - Add the tables\n', true)}
    ],
    invalid: [
      {
        name: 'no Outcome',
        input: item('  Skills: backend-api\n\n  - Add the tables\n'),
        messages: ['7:9-7:15: Missing `Outcome:` in chunk `Models`, expected Outcome, Skills and at least one sub-task']
      },
      {
        name: 'no Stream with work streams',
        input: item('  Outcome: Tables exist.\n  Skills: backend-api\n\n  - Add the tables\n', true),
        messages: ['13:9-13:15: Missing `Stream:` in chunk `Models`, expected Outcome, Stream, Skills and at least one sub-task']
      },
      {
        name: 'no Skills and no sub-task',
        input: item('  Outcome: Tables exist.\n'),
        messages: ['7:9-7:15: Missing `Skills:` and a sub-task in chunk `Models`, expected Outcome, Skills and at least one sub-task']
      },
      {
        name: 'a field no chunk has: one message on the plan, the rest per item',
        input: item('  Outcome: Tables exist.\n\n  - Add the tables\n\n- [ ] **Seeds**\n\n- [ ] **Fixtures**\n\n  - Write the fixtures\n'),
        messages: [
          '3:1-3:18: Missing `Skills:` in all 3 chunks, expected Outcome, Skills and at least one sub-task in each',
          '13:9-13:14: Missing `Outcome:` and a sub-task in chunk `Seeds`, expected Outcome, Skills and at least one sub-task',
          '15:9-15:17: Missing `Outcome:` in chunk `Fixtures`, expected Outcome, Skills and at least one sub-task'
        ]
      },
      {
        name: 'no sub-task',
        input: item('  Outcome: Tables exist.\n  Skills: backend-api\n'),
        messages: ['7:9-7:15: Missing a sub-task in chunk `Models`, expected Outcome, Skills and at least one sub-task']
      }
    ]
  }
})
