import {defineRule, noOptions} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'

export default defineRule({
  id: 'requirements-listed',
  summary: 'Requirements states at least one requirement',
  description:
    'Fires when `## Requirements` has no list item and no paragraph. Numbered lists and requirement ids (`R1`) are fine. A missing section is `required-sections`’ concern.',
  rationale: 'Requirements are what must be true when done; acceptance criteria and review are checked against them.',
  category: 'content',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const section = findSection(spec, 'Requirements')
    if (!section) return
    if (spec.requirements.some((requirement) => requirement.text.trim() !== '')) return
    // An explicit "none" (`- None`, `- (none beyond discovery …)`) is a statement, not a malformed entry.
    if (spec.statedNone.includes('Requirements')) return
    ctx.report('Missing requirement, expected a list item or paragraph in `## Requirements`', section.headingPosition)
  },
  examples: {
    valid: [
      {input: '# T\n\n## Requirements\n\n- POST /auth/login returns tokens\n'},
      {name: 'Numbered, after a lead paragraph', input: '# T\n\n## Requirements\n\nWhat must be true:\n\n1. **R1** Seven routes render\n'},
      {name: 'An explicit none', input: '# T\n\n## Requirements\n\n- None\n'}
    ],
    invalid: [
      {
        name: 'Empty',
        input: '# T\n\n## Requirements\n\n## Architecture\n',
        messages: ['3:1-3:16: Missing requirement, expected a list item or paragraph in `## Requirements`']
      },
      {
        name: 'A comment only',
        input: '# T\n\n## Requirements\n\n<!-- fill in -->\n',
        messages: ['3:1-3:16: Missing requirement, expected a list item or paragraph in `## Requirements`']
      },
      {
        name: 'A table is not a requirement list',
        input: '# T\n\n## Requirements\n\n| a |\n|---|\n| b |\n',
        messages: ['3:1-3:16: Missing requirement, expected a list item or paragraph in `## Requirements`']
      }
    ]
  }
})
