import {z} from 'zod'
import type {SectionName} from '../src/model/schema.js'
import {defineRule} from '../src/rule.js'
import {at} from '../src/model/positions.js'
import {findSection, sectionInsertText, sectionInsertion} from '../src/model/queries.js'

const required: SectionName[] = ['Meta', 'Overview', 'Skills', 'Requirements', 'Reference Files', 'Execution Plan', 'Acceptance Criteria', 'Completion Promise']

export default defineRule({
  id: 'required-sections',
  summary: 'Every section the template requires is present',
  description:
    'Fires for each missing section among Meta, Overview, Skills, Requirements, Reference Files, Execution Plan, Acceptance Criteria and Completion Promise (and Notes with `notes: true`, as in `strict`). A spec with the older `## Work Breakdown` is told to move it to an Execution Plan.',
  rationale:
    'The implementing agent parses sections by name (Meta, Skills, Execution Plan, Acceptance Criteria, Completion Promise); a missing one silently changes how the loop runs.',
  category: 'document',
  recommended: 'error',
  strict: 'error',
  strictOptions: {notes: true},
  fixable: true,
  options: z.object({notes: z.boolean().default(false).describe('Require a `## Notes` section too')}).strict(),
  check(spec, ctx) {
    const names = ctx.options.notes ? [...required, 'Notes' as const] : required
    for (const name of names) {
      if (findSection(spec, name)) continue
      const legacy = name === 'Execution Plan' ? spec.sections.find((s) => s.extra === 'Work Breakdown') : undefined
      if (legacy) {
        ctx.report(
          'Missing section `## Execution Plan`, found the older `## Work Breakdown`; expected phases under `## Execution Plan`',
          legacy.headingPosition
        )
        continue
      }
      const {point, before} = sectionInsertion(spec, name, ctx.source)
      ctx.report(`Missing section \`## ${name}\``, at(point), {
        expected: [sectionInsertText(name, spec, ctx.source, before)]
      })
    }
  },
  examples: {
    valid: [
      {
        name: 'All required sections',
        input:
          '# T\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n'
      },
      {
        name: 'Numbered and differently cased headings count',
        input:
          '# T\n\n## 1. Meta\n\n## overview\n\n## Skills:\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n'
      }
    ],
    invalid: [
      {
        name: 'Skills missing: the skeleton is inserted before Requirements',
        input:
          '# T\n\n## Meta\n\n## Overview\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n',
        messages: ['7:1: Missing section `## Skills`'],
        output:
          '# T\n\n## Meta\n\n## Overview\n\n## Skills\n\nLoad these skills before starting:\n- [skill-name]\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n'
      },
      {
        name: 'Completion Promise missing at the end: derived from the title',
        input:
          '# Billing export\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n',
        messages: ['16:1: Missing section `## Completion Promise`'],
        output:
          '# Billing export\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n\n<promise>BILLING_EXPORT_COMPLETE</promise>\n'
      },
      {
        name: 'The older Work Breakdown is not an Execution Plan',
        input:
          '# T\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Work Breakdown\n\n## Acceptance Criteria\n\n## Completion Promise\n',
        messages: ['13:1-13:18: Missing section `## Execution Plan`, found the older `## Work Breakdown`; expected phases under `## Execution Plan`']
      },
      {
        name: 'Notes required when configured',
        options: {notes: true},
        input:
          '# T\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n',
        messages: ['18:1: Missing section `## Notes`'],
        output:
          '# T\n\n## Meta\n\n## Overview\n\n## Skills\n\n## Requirements\n\n## Reference Files\n\n## Execution Plan\n\n## Acceptance Criteria\n\n## Completion Promise\n\n## Notes\n\n- [Design decisions, context discovered]\n'
      }
    ]
  }
})
