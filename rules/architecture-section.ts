import {architectureWorkTypes} from '../src/model/vocabulary.js'
import {defineRule, noOptions} from '../src/rule.js'
import {at} from '../src/model/positions.js'
import {findSection, metaRow, sectionInsertText, sectionInsertion} from '../src/model/queries.js'
import {leadingType} from '../src/model/vocabulary.js'

/** Types whose table in the format says Architecture is "usually" or "always" needed. */

const meta = (type: string) => `# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | ${type} |\n\n## Overview\n\nWhy.\n`

export default defineRule({
  id: 'architecture-section',
  summary: 'Types that need design decisions have an Architecture section',
  description:
    'Fires when there is no `## Architecture` section and Meta Type is `backend-api`, `agent-langgraph`, `agent-dspy` or `hybrid` (a qualified Type such as `hybrid (frontend + agent)` counts by its leading type). `frontend` work does not need one. The fix inserts the section’s skeleton at its place in the template’s order.',
  rationale:
    'The format marks Architecture as usually needed for backend APIs and always needed for agent systems; without it the implementing agent invents API contracts, schemas and orchestration patterns.',
  category: 'document',
  recommended: 'warn',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    if (findSection(spec, 'Architecture')) return
    const row = metaRow(spec, 'type')
    const type = leadingType(row?.value)
    if (!type || !architectureWorkTypes.includes(type)) return
    const {point, before} = sectionInsertion(spec, 'Architecture', ctx.source)
    ctx.report(`Missing section \`## Architecture\`, expected one for Type \`${type}\``, at(point), {
      expected: [sectionInsertText('Architecture', spec, ctx.source, before)]
    })
  },
  examples: {
    valid: [
      {name: 'Frontend work may skip it', input: meta('frontend')},
      {name: 'Present for a backend API', input: meta('backend-api') + '\n## Architecture\n\n- Tokens are JWTs signed with RS256\n'}
    ],
    invalid: [
      {
        name: 'Backend API without Architecture: the skeleton goes after Overview',
        input: meta('backend-api') + '\n## Reference Files\n\n- `src/api.py` — routes\n',
        messages: ['13:1: Missing section `## Architecture`, expected one for Type `backend-api`'],
        output: meta('backend-api') + '\n## Architecture\n\n- [Key decision, pattern or constraint]\n\n## Reference Files\n\n- `src/api.py` — routes\n'
      },
      {
        name: 'Agent work, at the end of the file',
        input: meta('agent-langgraph'),
        messages: ['12:1: Missing section `## Architecture`, expected one for Type `agent-langgraph`'],
        output: meta('agent-langgraph') + '\n## Architecture\n\n- [Key decision, pattern or constraint]\n'
      },
      {
        name: 'A qualified hybrid Type counts',
        input: meta('hybrid (frontend + backend + agent)') + '\n## Execution Plan\n',
        messages: ['13:1: Missing section `## Architecture`, expected one for Type `hybrid`'],
        output: meta('hybrid (frontend + backend + agent)') + '\n## Architecture\n\n- [Key decision, pattern or constraint]\n\n## Execution Plan\n'
      }
    ]
  }
})
