import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'
import {chunkTitlePlace} from '../src/model/plan-queries.js'

const plan = (count: number, subtasks = 1) => {
  const items = Array.from({length: count}, (_, i) => {
    const tasks = Array.from({length: subtasks}, (_, j) => `  - Step ${j + 1} of part ${i + 1}`).join('\n')
    return `- [ ] **Part ${i + 1}**\n\n  Outcome: Part ${i + 1} works.\n\n${tasks}\n`
  })
  return `# T\n\n## Execution Plan\n\n### Phase 1: All\n\n${items.join('\n')}`
}

export default defineRule({
  id: 'chunk-count',
  summary: 'A plan has between `min` and `max` chunks, each with at most `maxSubtasks` sub-tasks',
  description:
    'Fires when the plan has more than `max` chunks (default 10: too granular) or fewer than `min` (default 1), and on a chunk with more than `maxSubtasks` sub-tasks (default 10: too large). The first chunk past `max` carries the message.',
  rationale: 'A chunk is one agent session. Many tiny chunks spend the budget on hand-offs; a chunk with a long sub-task list does not fit one session.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: z
    .object({
      max: z.number().int().min(1).default(10),
      min: z.number().int().min(0).default(1),
      maxSubtasks: z.number().int().min(1).default(10)
    })
    .strict(),
  check(spec, ctx) {
    if (!spec.plan) return
    const {max, min, maxSubtasks} = ctx.options
    const count = spec.chunks.length
    if (count > max) {
      const place = chunkTitlePlace(spec.chunks[max] as (typeof spec.chunks)[number])
      ctx.report(`Unexpected ${count} chunks, expected at most ${max} (too granular)`, place)
    } else if (count < min) {
      const section = findSection(spec, 'Execution Plan') ?? spec.sections.find((s) => s.extra === 'Work Breakdown')
      ctx.report(`Unexpected ${count} ${count === 1 ? 'chunk' : 'chunks'}, expected at least ${min}`, section?.headingPosition ?? spec.plan.position)
    }
    for (const chunk of spec.chunks) {
      const detail = chunk.detail
      if (!detail || detail.subtasks.length <= maxSubtasks) continue
      ctx.report(
        `Unexpected ${detail.subtasks.length} sub-tasks in chunk \`${detail.title}\`, expected at most ${maxSubtasks} (too large: split the chunk)`,
        detail.titlePosition
      )
    }
  },
  examples: {
    valid: [{input: plan(3, 3)}, {name: 'options', input: plan(12, 12), options: {max: 12, maxSubtasks: 12}}],
    invalid: [
      {name: 'too many chunks', input: plan(11), messages: ['67:9-67:16: Unexpected 11 chunks, expected at most 10 (too granular)']},
      {
        name: 'too many sub-tasks',
        input: plan(1, 11),
        messages: ['7:9-7:15: Unexpected 11 sub-tasks in chunk `Part 1`, expected at most 10 (too large: split the chunk)']
      },
      {name: 'fewer than `min`', input: plan(2), options: {min: 3}, messages: ['3:1-3:18: Unexpected 2 chunks, expected at least 3']}
    ]
  }
})
