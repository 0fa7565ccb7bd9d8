import {z} from 'zod'
import {traceOf} from '../src/analysis/trace.js'
import {defineRule} from '../src/rule.js'

const spec = (requirements: string, plan: string) => `# T\n\n## Requirements\n\n${requirements}\n\n## Execution Plan\n\n### Phase 1: Build\n\n${plan}\n`

export default defineRule({
  id: 'requirement-covered',
  summary: 'Every requirement is served by a chunk',
  description:
    'Fires on a requirement that no chunk of the Execution Plan serves. A chunk serves a requirement when it cites its id (`R3`, `FR-2`, `(R1, R4)`, `R1–R3`) anywhere in its title, outcome or sub-tasks. By default (`recommended`) only ids count, and only in a spec whose chunks cite requirement ids. With `lexical: true` (`strict`) a chunk that cites no id also serves the requirements it matches by words, as `spec-lint trace` shows with the shared words as evidence, so specs without ids are checked too.',
  rationale:
    'A requirement with no chunk is work nobody is assigned: the loop finishes every phase and still fails the acceptance check, or ships without it. Review tools ask an LLM for this; the ids make it exact.',
  category: 'content',
  recommended: 'warn',
  strict: 'warn',
  strictOptions: {lexical: true},
  fixable: false,
  options: z
    .object({
      lexical: z.boolean().default(false).describe('Also count chunks that match a requirement by shared words, and check specs whose chunks cite no ids')
    })
    .strict(),
  check(model, ctx) {
    if (model.chunks.length === 0) return
    const trace = traceOf(model, ctx.source)
    const citing = trace.chunks.some((chunk) => chunk.cites.length > 0)
    if (!ctx.options.lexical && !citing) return
    trace.requirements.forEach((requirement, index) => {
      const links = trace.links.filter((link) => link.to === 'chunk' && link.requirement === index)
      if (ctx.options.lexical ? links.length > 0 : requirement.id === null || links.some((link) => link.by === 'id')) return
      if (requirement.id !== null && citing) {
        ctx.report(
          `Unexpected requirement \`${requirement.id}\` that no chunk cites, expected a chunk that serves it to cite \`${requirement.id}\``,
          requirement.position
        )
      } else {
        ctx.report(
          `Unexpected requirement \`${requirement.label}\` that no chunk serves, expected a chunk whose title, outcome or sub-tasks name it`,
          requirement.position
        )
      }
    })
  },
  examples: {
    valid: [
      {
        name: 'Every id cited',
        input: spec('- R1: Users log in with email\n- R2: Sessions expire after 1 hour', '- [ ] **Login endpoint** (R1, R2)\n  Outcome: Users get a session')
      },
      {
        name: 'No ids: only `lexical` checks',
        input: spec('- Users log in with email', '- [ ] **Scaffold**\n  Outcome: The app boots')
      },
      {
        name: 'Served by words',
        options: {lexical: true},
        input: spec('- Passwords are hashed with bcrypt', '- [ ] **User model**\n  Outcome: Users are stored with bcrypt password hashing')
      }
    ],
    invalid: [
      {
        name: 'An id no chunk cites',
        input: spec('- R1: Users log in with email\n- R2: Sessions expire after 1 hour', '- [ ] **Login endpoint** (R1)\n  Outcome: Users get a session'),
        messages: ['6:1-6:35: Unexpected requirement `R2` that no chunk cites, expected a chunk that serves it to cite `R2`']
      },
      {
        name: 'A range cites every id in it',
        input: spec(
          '- FR-1: Export as CSV\n- FR-2: Export as JSON\n- FR-3: Email the export',
          '- [ ] **Exporters** (FR-1–FR-2)\n  Outcome: Both formats download'
        ),
        messages: ['7:1-7:25: Unexpected requirement `FR-3` that no chunk cites, expected a chunk that serves it to cite `FR-3`']
      },
      {
        name: 'No chunk shares its words',
        options: {lexical: true},
        input: spec(
          '- Passwords are hashed with bcrypt\n- Failed logins are rate limited per IP address',
          '- [ ] **User model**\n  Outcome: Users are stored with bcrypt password hashing'
        ),
        messages: [
          '6:1-6:48: Unexpected requirement `Failed logins are rate limited per…` that no chunk serves, expected a chunk whose title, outcome or sub-tasks name it'
        ]
      }
    ]
  }
})
