import {traceOf} from '../src/analysis/trace.js'
import {defineRule, noOptions} from '../src/rule.js'

const spec = (requirements: string, criteria: string) => `# T\n\n## Requirements\n\n${requirements}\n\n## Acceptance Criteria\n\n${criteria}\n`

export default defineRule({
  id: 'requirement-verified',
  summary: 'Every requirement is checked by an acceptance criterion',
  description:
    'Fires on a requirement that no acceptance criterion checks: no criterion cites its id (`R3`, `FR-2`), and no criterion that cites no id matches it by words, as `spec-lint trace` shows with the shared words as evidence. A criterion that cites ids checks exactly those.',
  rationale:
    'The format pulls acceptance criteria “from requirements, inverted into verifiable checks”. A requirement no criterion checks is one the loop can skip and still print its completion promise.',
  category: 'content',
  recommended: 'off',
  strict: 'warn',
  fixable: false,
  options: noOptions,
  check(model, ctx) {
    if (!model.acceptance || model.acceptance.criteria.length === 0) return
    const trace = traceOf(model, ctx.source)
    trace.requirements.forEach((requirement, index) => {
      if (trace.links.some((link) => link.to === 'criterion' && link.requirement === index)) return
      ctx.report(
        `Unexpected requirement \`${requirement.label}\` that no acceptance criterion checks, expected a criterion that verifies it`,
        requirement.position
      )
    })
  },
  examples: {
    valid: [
      {
        name: 'Checked by words',
        input: spec('- Access tokens expire after 1 hour', '- [ ] An access token older than 1 hour is rejected with 401')
      },
      {
        name: 'Checked by id',
        input: spec('- R1: Users can log in\n- R2: Sessions last a day', '- [ ] Login then reload keeps the session (R1, R2)')
      }
    ],
    invalid: [
      {
        name: 'No criterion shares its words',
        input: spec(
          '- Access tokens expire after 1 hour\n- Passwords are hashed with bcrypt',
          '- [ ] An access token older than 1 hour is rejected with 401\n- [ ] All tests pass: `pytest`'
        ),
        messages: [
          '6:1-6:35: Unexpected requirement `Passwords are hashed with bcrypt` that no acceptance criterion checks, expected a criterion that verifies it'
        ]
      },
      {
        name: 'A criterion citing ids checks only those',
        input: spec('- R1: Users can log in\n- R2: Users can log out', '- [ ] Users can log in and log out (R1)'),
        messages: ['6:1-6:24: Unexpected requirement `R2` that no acceptance criterion checks, expected a criterion that verifies it']
      },
      {
        name: 'Quality gates check no requirement',
        input: spec('- Exports finish within 5 minutes', '- [ ] Linting clean: `ruff check src/`'),
        messages: [
          '5:1-5:34: Unexpected requirement `Exports finish within 5 minutes` that no acceptance criterion checks, expected a criterion that verifies it'
        ]
      }
    ]
  }
})
