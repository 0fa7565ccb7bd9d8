import {defineRule, noOptions} from '../src/rule.js'
import {chunkLabel, declaredStreams, executionPlan} from '../src/model/plan-queries.js'

const item = (body: string, streams = false) =>
  `# T\n\n## Execution Plan\n\n${streams ? '### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | src/ | backend-api |\n\n' : ''}### Phase 1: Foundation\n\n- [ ] **Models**\n\n${body}`

export default defineRule({
  id: 'chunk-fields',
  summary: 'Each checklist item has Outcome, Stream (with work streams), Skills and sub-tasks',
  description:
    'Fires on a chunk\'s checklist item without `Outcome:`, without `Stream:` when the plan has work streams, without `Skills:` (`Skills: —` is fine), or without any sub-task. One message per item lists everything it lacks.',
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
    for (const chunk of spec.chunks) {
      const detail = chunk.detail
      if (!detail) continue
      const missing: string[] = []
      if (!detail.outcome || detail.outcome.value === '') missing.push('`Outcome:`')
      if (needStream && (!detail.stream || detail.stream.value === '')) missing.push('`Stream:`')
      if (!detail.skills) missing.push('`Skills:`')
      if (detail.subtasks.length === 0) missing.push('a sub-task')
      if (missing.length === 0) continue
      const parts = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`
      ctx.report(
        `Missing ${parts} in chunk \`${chunkLabel(chunk)}\`, expected Outcome, ${needStream ? 'Stream, ' : ''}Skills and at least one sub-task`,
        detail.titlePosition
      )
    }
  },
  examples: {
    valid: [
      {input: item('  Outcome: Tables exist.\n  Stream: data\n  Skills: backend-api\n\n  - Add the tables\n', true)},
      {name: 'no Stream without work streams, `Skills: —`', input: item('  Outcome: Tables exist.\n  Skills: —\n\n  - Add the tables\n')},
      {name: 'fields on one line', input: item('  Outcome: Tables exist.\n  Stream: data · Skills: backend-api\n\n  - Add the tables\n', true)}
    ],
    invalid: [
      {name: 'no Outcome', input: item('  Skills: backend-api\n\n  - Add the tables\n'), messages: ['7:9-7:15: Missing `Outcome:` in chunk `Models`, expected Outcome, Skills and at least one sub-task']},
      {name: 'no Stream with work streams', input: item('  Outcome: Tables exist.\n  Skills: backend-api\n\n  - Add the tables\n', true), messages: ['13:9-13:15: Missing `Stream:` in chunk `Models`, expected Outcome, Stream, Skills and at least one sub-task']},
      {name: 'no Skills and no sub-task', input: item('  Outcome: Tables exist.\n'), messages: ['7:9-7:15: Missing `Skills:` and a sub-task in chunk `Models`, expected Outcome, Skills and at least one sub-task']},
      {name: 'no sub-task', input: item('  Outcome: Tables exist.\n  Skills: backend-api\n'), messages: ['7:9-7:15: Missing a sub-task in chunk `Models`, expected Outcome, Skills and at least one sub-task']}
    ]
  }
})
