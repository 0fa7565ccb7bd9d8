import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {itemSource} from '../src/model/plan-queries.js'
import {areaNouns, broadVerbs, placeholderTasks, vagueReason, vagueWords} from '../src/analysis/wording.js'

const chunk = (title: string, tasks: string[]) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n- [ ] **${title}**\n\n  Outcome: Done.\n\n${tasks.map((t) => `  - ${t}`).join('\n')}\n`

export default defineRule({
  id: 'subtask-vague',
  summary: 'Sub-tasks and chunk titles say what to do concretely',
  description:
    'Fires on a sub-task or chunk title too vague to act on: a vague word (`stuff`, `things`, `everything`, `misc`, `various`), `make … work`, a placeholder (`TBD`), or a broad verb (`build`, `make`, `do`, `handle`) whose object is at most `broadObjectWords` words ending in a plural or an area noun (`Build carousel agents`, `Do the backend`; `Build pricing page` is fine). Backticks, numbers and paths make a task specific. The word lists are options.',
  rationale: 'A vague sub-task gives an agent nothing to verify: it either stops to ask or invents its own scope.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: z
    .object({
      vagueWords: z.array(z.string()).default([...vagueWords]),
      broadVerbs: z.array(z.string()).default([...broadVerbs]),
      broadObjectWords: z.number().int().min(0).default(2),
      areaNouns: z.array(z.string()).default([...areaNouns]),
      placeholderTasks: z.array(z.string()).default([...placeholderTasks])
    })
    .strict(),
  check(spec, ctx) {
    for (const chunk of spec.chunks) {
      const detail = chunk.detail
      const title = detail?.title || chunk.row?.title || ''
      const titlePlace = detail?.titlePosition ?? chunk.row?.position
      const titleReason = vagueReason(title, ctx.options)
      if (titleReason && titlePlace) {
        ctx.report(`Unexpected vague chunk title \`${title}\` (${titleReason}), expected what the chunk delivers`, titlePlace)
      }
      for (const task of detail?.subtasks ?? []) {
        const reason = vagueReason(itemSource(ctx.source, task.position), ctx.options)
        if (reason) ctx.report(`Unexpected vague sub-task \`${task.text}\` (${reason}), expected a concrete, checkable step`, task.position)
      }
    }
  },
  examples: {
    valid: [
      {
        name: "the format's good sub-tasks",
        input: chunk('Carousel draft agent', [
          'Create Pydantic models for carousel JSON output',
          'Follow existing initial_draft agent patterns',
          'Add API endpoint for carousel draft',
          'Use prompt-engineering skill for prompts'
        ])
      },
      {
        name: 'requirements with numbers',
        input: chunk('Auth middleware and rate limiting', ['Rate limiting: 5 failed attempts per minute per IP', 'JWT encode/decode with RS256'])
      }
    ],
    invalid: [
      {
        name: "the format's bad sub-tasks",
        input: chunk('Carousel', ['Build carousel agents', 'Add API stuff', 'Make frontend work']),
        messages: [
          '11:3-11:26: Unexpected vague sub-task `Build carousel agents` (`build` with only `carousel agents`), expected a concrete, checkable step',
          '12:3-12:18: Unexpected vague sub-task `Add API stuff` (`stuff`), expected a concrete, checkable step',
          '13:3-13:23: Unexpected vague sub-task `Make frontend work` (`make … work`), expected a concrete, checkable step'
        ]
      },
      {
        name: 'a vague chunk title',
        input: chunk('Misc fixes', ['Fix the date parsing of invoice exports']),
        messages: ['7:9-7:19: Unexpected vague chunk title `Misc fixes` (`Misc`), expected what the chunk delivers']
      },
      {
        name: 'a placeholder',
        input: chunk('Export worker', ['TBD']),
        messages: ['11:3-11:8: Unexpected vague sub-task `TBD` (placeholder `TBD`), expected a concrete, checkable step']
      },
      {
        name: 'a custom verb list',
        input: chunk('Export worker', ['Write the workers']),
        options: {broadVerbs: ['write']},
        messages: ['11:3-11:22: Unexpected vague sub-task `Write the workers` (`write` with only `the workers`), expected a concrete, checkable step']
      }
    ]
  }
})
