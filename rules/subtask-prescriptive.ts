import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {itemSource} from '../src/model/plan-queries.js'
import {fileExtensions, prescriptiveReason, tuningKeys, typeNames} from '../src/analysis/wording.js'

const chunk = (tasks: string[]) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n- [ ] **Carousel schemas**\n\n  Outcome: Done.\n\n${tasks.map((t) => `  - ${t}`).join('\n')}\n`

export default defineRule({
  id: 'subtask-prescriptive',
  summary: 'Sub-tasks say what to achieve, not how to implement it',
  description:
    'Fires on a sub-task that prescribes HOW instead of WHAT: a file path to create or edit (``Create `src/app/schemas/carousel_content.py` ``), a line number (`in main.py at line 45`), an exact tuning value (`temperature 0.7`, `500 tokens max`), a typed field list (`slide_number (int)`), or an enum member dump (`values: COVER, STANDARD_CONTENT`). Numbers that state a requirement (`5 failed attempts per minute`) are fine. Extensions, tuning keys and type names are options.',
  rationale:
    'The agent reads the code and the skills; a spec that dictates files, lines and values goes stale as soon as the code moves, and overrides better choices the agent would make.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: z
    .object({
      fileExtensions: z.array(z.string()).default([...fileExtensions]),
      tuningKeys: z.array(z.string()).default([...tuningKeys]),
      typeNames: z.array(z.string()).default([...typeNames])
    })
    .strict(),
  check(spec, ctx) {
    for (const chunk of spec.chunks) {
      for (const task of chunk.detail?.subtasks ?? []) {
        const reason = prescriptiveReason(itemSource(ctx.source, task.position), ctx.options)
        if (reason) ctx.report(`Unexpected ${reason} in sub-task \`${task.text}\`, expected what to achieve, not how`, task.position)
      }
    }
  },
  examples: {
    valid: [
      {
        name: "the format's good sub-tasks",
        input: chunk([
          'Create Pydantic models for carousel JSON output',
          'Follow existing initial_draft agent patterns',
          'Add API endpoint for carousel draft',
          'Use `prompt-creator` subagent and `prompt-engineering` skill for prompts'
        ])
      },
      {
        name: 'requirements with numbers',
        input: chunk([
          'Rate limiting: 5 failed attempts per minute per IP',
          'JWT encode/decode with RS256',
          'POST /auth/login and POST /auth/register',
          'Set up the Next.js app'
        ])
      }
    ],
    invalid: [
      {
        name: 'a file to create',
        input: chunk(['Create `src/app/schemas/carousel_content.py` with `SlideType` enum']),
        messages: [
          '11:3-11:71: Unexpected file path `src/app/schemas/carousel_content.py` in sub-task `Create src/app/schemas/carousel_content.py with SlideType enum`, expected what to achieve, not how'
        ]
      },
      {
        name: 'a line number',
        input: chunk(['Add `POST /agents/carousel/draft` in main.py at line 45']),
        messages: [
          '11:3-11:60: Unexpected file path `main.py` in sub-task `Add POST /agents/carousel/draft in main.py at line 45`, expected what to achieve, not how'
        ]
      },
      {
        name: 'tuning values',
        input: chunk(['Call the model with temperature 0.7', 'Limit the answer to 500 tokens max']),
        messages: [
          '11:3-11:40: Unexpected tuning value `temperature 0.7` in sub-task `Call the model with temperature 0.7`, expected what to achieve, not how',
          '12:3-12:39: Unexpected tuning value `500 tokens max` in sub-task `Limit the answer to 500 tokens max`, expected what to achieve, not how'
        ]
      },
      {
        name: 'typed fields and enum members',
        input: chunk(['Define `SlideContent` with fields: slide_number (int), title (str)', 'Define `SlideType` enum with values: COVER, STANDARD_CONTENT…']),
        messages: [
          '11:3-11:71: Unexpected typed field `slide_number (int)` in sub-task `Define SlideContent with fields: slide_number (int), title (str)`, expected what to achieve, not how',
          '12:3-12:66: Unexpected enum members `values: COVER` in sub-task `Define SlideType enum with values: COVER, STANDARD_CONTENT…`, expected what to achieve, not how'
        ]
      }
    ]
  }
})
