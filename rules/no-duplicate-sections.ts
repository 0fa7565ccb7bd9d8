import {defineRule, noOptions} from '../src/rule.js'

export default defineRule({
  id: 'no-duplicate-sections',
  summary: 'A known section appears once',
  description: 'Fires on the second and later `##` heading of the same known section (case, numbering and a trailing colon do not count).',
  rationale: 'Tools read the first section of a name and ignore the rest; a second `## Requirements` is silently lost.',
  category: 'document',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const first = new Map<string, number>()
    for (const section of spec.sections) {
      const name = section.canonical ?? section.extra
      if (!name) continue
      const line = first.get(name)
      if (line === undefined) {
        first.set(name, section.headingPosition.start.line)
        continue
      }
      ctx.report(`Unexpected duplicate section \`## ${section.title}\`, expected one (first at line ${line})`, section.headingPosition)
    }
  },
  examples: {
    valid: [{input: '# T\n\n## Meta\n\n## Overview\n'}, {name: 'Unknown sections may repeat', input: '# T\n\n## Background\n\n## Background\n'}],
    invalid: [
      {
        input: '# T\n\n## Meta\n\n## Meta\n',
        messages: ['5:1-5:8: Unexpected duplicate section `## Meta`, expected one (first at line 3)']
      },
      {
        input: '# T\n\n## Requirements\n\n## 2. requirements\n',
        messages: ['5:1-5:19: Unexpected duplicate section `## 2. requirements`, expected one (first at line 3)']
      },
      {
        input: '# T\n\n## Notes\n\n## Out of Scope\n\n## Notes\n\n## Out of scope\n',
        messages: [
          '7:1-7:9: Unexpected duplicate section `## Notes`, expected one (first at line 3)',
          '9:1-9:16: Unexpected duplicate section `## Out of scope`, expected one (first at line 5)'
        ]
      }
    ]
  }
})
