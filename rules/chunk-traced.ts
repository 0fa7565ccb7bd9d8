import {traceOf} from '../src/analysis/trace.js'
import {defineRule, noOptions} from '../src/rule.js'

const spec = (requirements: string, plan: string) => `# T\n\n## Requirements\n\n${requirements}\n\n## Execution Plan\n\n### Phase 1: Build\n\n${plan}\n`

export default defineRule({
  id: 'chunk-traced',
  summary: 'Every chunk serves a requirement',
  description:
    'Fires on a chunk that serves no requirement: it cites no requirement id (`R3`, `FR-2`) and its title, outcome and sub-tasks share no significant words with any requirement, as `spec-lint trace` shows. Specs without requirements are left to `requirements-listed`.',
  rationale:
    'A chunk that no requirement asks for is scope creep or a requirement nobody wrote down; either way the acceptance check will not notice whether it was done.',
  category: 'plan',
  recommended: 'off',
  strict: 'warn',
  fixable: false,
  options: noOptions,
  check(model, ctx) {
    const trace = traceOf(model, ctx.source)
    if (trace.requirements.length === 0) return
    model.chunks.forEach((chunk, index) => {
      if (trace.links.some((link) => link.to === 'chunk' && link.target === index)) return
      ctx.report(
        `Unexpected chunk \`${chunk.title}\` that serves no requirement, expected a chunk that cites a requirement id or names what it serves`,
        chunk.detail?.titlePosition ?? chunk.row?.cells.chunk?.position ?? chunk.row?.position ?? trace.chunks[index]?.position
      )
    })
  },
  examples: {
    valid: [
      {
        name: 'Serves by words',
        input: spec('- Passwords are hashed with bcrypt', '- [ ] **User model**\n  Outcome: Users are stored with bcrypt password hashing')
      },
      {
        name: 'A sub-task that starts with `Stream` is a sub-task',
        input: spec(
          '- Invoices export as CSV and JSON',
          '- [ ] **Export worker**\n  Outcome: Files are written\n  Stream: jobs\n  - Stream invoices as CSV and JSON'
        )
      },
      {
        name: 'Cites an id',
        input: spec('- R1: The export runs nightly', '- [ ] **Scheduler** (R1)\n  Outcome: A cron entry exists')
      }
    ],
    invalid: [
      {
        name: 'Shares no words',
        input: spec(
          '- Passwords are hashed with bcrypt',
          '- [ ] **User model**\n  Outcome: Users are stored with bcrypt password hashing\n- [ ] **Dark mode**\n  Outcome: The theme follows the system setting'
        ),
        messages: ['13:9-13:18: Unexpected chunk `Dark mode` that serves no requirement, expected a chunk that cites a requirement id or names what it serves']
      },
      {
        name: 'An unknown id is not a citation',
        input: spec('- R1: The export runs nightly', '- [ ] **Scheduler** (R7)\n  Outcome: A cron entry exists'),
        messages: ['11:9-11:18: Unexpected chunk `Scheduler` that serves no requirement, expected a chunk that cites a requirement id or names what it serves']
      },
      {
        name: 'A table row without details',
        input: spec('- Invoices export as CSV', '| Chunk | Outcome | Depends On |\n|---|---|---|\n| Scaffold | The app boots | — |'),
        messages: ['13:3-13:11: Unexpected chunk `Scaffold` that serves no requirement, expected a chunk that cites a requirement id or names what it serves']
      }
    ]
  }
})
