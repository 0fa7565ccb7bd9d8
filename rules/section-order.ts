import {sectionNames} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'

export default defineRule({
  id: 'section-order',
  summary: 'Known sections follow the template’s order',
  description:
    'Fires on a known section that comes after one the template puts later (Meta, Overview, Skills, Requirements, Architecture, Reference Files, Execution Plan, Acceptance Criteria, Completion Promise, Notes). Unknown sections may stand anywhere.',
  rationale: 'Readers and agents scan specs in template order; the same order in every spec makes review and diffing cheap.',
  category: 'document',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    let latest: {index: number; title: string} | undefined
    const seen = new Set<string>()
    for (const section of spec.sections) {
      if (!section.canonical || seen.has(section.canonical)) continue
      seen.add(section.canonical)
      const index = sectionNames.indexOf(section.canonical)
      if (latest && index < latest.index) {
        ctx.report(`Unexpected section \`## ${section.title}\` after \`## ${latest.title}\`, expected it before`, section.headingPosition)
        continue
      }
      latest = {index, title: section.title}
    }
  },
  examples: {
    valid: [
      {input: '# T\n\n## Meta\n\n## Overview\n\n## Skills\n'},
      {name: 'Unknown sections may stand anywhere', input: '# T\n\n## Meta\n\n## Out of Scope\n\n## Overview\n\n## Background\n\n## Skills\n'}
    ],
    invalid: [
      {
        input: '# T\n\n## Overview\n\n## Meta\n',
        messages: ['5:1-5:8: Unexpected section `## Meta` after `## Overview`, expected it before']
      },
      {
        input: '# T\n\n## Meta\n\n## Notes\n\n## Acceptance Criteria\n\n## Completion Promise\n',
        messages: [
          '7:1-7:23: Unexpected section `## Acceptance Criteria` after `## Notes`, expected it before',
          '9:1-9:22: Unexpected section `## Completion Promise` after `## Notes`, expected it before'
        ]
      },
      {
        input: '# T\n\n## Execution Plan\n\n## Skills\n\n## Requirements\n',
        messages: [
          '5:1-5:10: Unexpected section `## Skills` after `## Execution Plan`, expected it before',
          '7:1-7:16: Unexpected section `## Requirements` after `## Execution Plan`, expected it before'
        ]
      }
    ]
  }
})
