import {defineRule, noOptions} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'

export default defineRule({
  id: 'skills-listed',
  summary: 'Skills lists at least one skill to load',
  description:
    'Fires when `## Skills` has no list item naming a skill (`- backend-api`, ``- `ui-ux-pro-max` — why``). A missing section is `required-sections`’ concern.',
  rationale: 'The implementing agent loads the listed skills before starting; prose without a list loads nothing.',
  category: 'content',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const section = findSection(spec, 'Skills')
    if (!section) return
    if (spec.skills.some((skill) => skill.name.trim() !== '')) return
    // An explicit "none" (`- None`, `- (none beyond discovery …)`) is a statement, not a malformed entry.
    if (spec.statedNone.includes('Skills')) return
    ctx.report('Missing skill, expected a list item naming a skill to load (`- backend-api`)', section.headingPosition)
  },
  examples: {
    valid: [
      {input: '# T\n\n## Skills\n\nLoad these skills before starting:\n- backend-api\n- authentication\n'},
      {name: 'Backticked names with reasons', input: '# T\n\n## Skills\n\n- **`ui-ux-pro-max`** — the design system\n'},
      {name: 'No skills, said in prose', input: '# T\n\n## Skills\n\n(none framework-specific)\n'},
      {name: 'No skills, said as an item', input: '# T\n\n## Skills\n\n- None\n'}
    ],
    invalid: [
      {
        name: 'Empty',
        input: '# T\n\n## Skills\n\n## Requirements\n',
        messages: ['3:1-3:10: Missing skill, expected a list item naming a skill to load (`- backend-api`)']
      },
      {
        name: 'Prose only',
        input: '# T\n\n## Skills\n\nUse the backend skill.\n',
        messages: ['3:1-3:10: Missing skill, expected a list item naming a skill to load (`- backend-api`)']
      },
      {
        name: 'Empty list items',
        input: '# T\n\n## Skills\n\n-\n-\n',
        messages: ['3:1-3:10: Missing skill, expected a list item naming a skill to load (`- backend-api`)']
      }
    ]
  }
})
