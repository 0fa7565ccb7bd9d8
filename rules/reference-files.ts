import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'

export default defineRule({
  id: 'reference-files',
  summary: 'Reference Files lists backticked paths',
  description:
    'Fires when `## Reference Files` has no entry, and on an entry without a backticked path (``- `src/api/routes.py` — Existing API patterns``). With `fromDiscovery` (as in `strict`), also when there is no `**From Discovery:**` group.',
  rationale:
    'Reference files point the implementing agent at the patterns to follow; a path in backticks can be opened (and checked by `reference-files-exist`), prose cannot.',
  category: 'content',
  recommended: 'warn',
  strict: 'error',
  strictOptions: {fromDiscovery: true},
  fixable: false,
  options: z.object({fromDiscovery: z.boolean().default(false).describe('Require a `**From Discovery:**` group')}).strict(),
  check(spec, ctx) {
    const section = findSection(spec, 'Reference Files')
    if (!section) return
    const entries = spec.referenceFiles.flatMap((group) => group.entries)
    // An explicit "none" (`- None`, `- (none beyond discovery …)`) is a statement, not a malformed entry.
    if (spec.statedNone.includes('Reference Files') && entries.length === 0) return
    if (entries.length === 0) {
      ctx.report('Missing reference, expected a list item with a backticked path (`` `src/api/routes.py` — why``)', section.headingPosition)
      return
    }
    for (const entry of entries) {
      if (entry.path !== null && entry.path.trim() !== '') continue
      ctx.report(`Unexpected reference without a backticked path, expected \`\` \`path\` — why\`\``, entry.position)
    }
    if (ctx.options.fromDiscovery && !spec.referenceFiles.some((group) => /^from discovery$/i.test(group.label ?? ''))) {
      ctx.report('Missing `**From Discovery:**` group, expected the files discovery found', section.headingPosition)
    }
  },
  examples: {
    valid: [
      {
        input:
          '# T\n\n## Reference Files\n\n**From Discovery:**\n- `src/api/routes.py` — Existing API patterns\n\n**From Spec Research:**\n- `src/middleware/` — Middleware patterns\n'
      },
      {name: 'Ungrouped entries are fine by default', input: '# T\n\n## Reference Files\n\n- `src/models/user.py` — User model\n'},
      {name: 'An explicit none is a statement', input: '# T\n\n## Reference Files\n\n- (none beyond discovery — the research was done there)\n'},
      {name: 'A dash for none', input: '# T\n\n## Reference Files\n\n- —\n'}
    ],
    invalid: [
      {
        name: 'Empty',
        input: '# T\n\n## Reference Files\n\n## Execution Plan\n',
        messages: ['3:1-3:19: Missing reference, expected a list item with a backticked path (`` `src/api/routes.py` — why``)']
      },
      {
        name: 'An entry without a path',
        input: '# T\n\n## Reference Files\n\n- `src/api/routes.py` — routes\n- the user model\n',
        messages: ['6:1-6:17: Unexpected reference without a backticked path, expected `` `path` — why``']
      },
      {
        name: 'No From Discovery group when required',
        options: {fromDiscovery: true},
        input: '# T\n\n## Reference Files\n\n**From Spec Research:**\n- `src/middleware/` — patterns\n',
        messages: ['3:1-3:19: Missing `**From Discovery:**` group, expected the files discovery found']
      }
    ]
  }
})
