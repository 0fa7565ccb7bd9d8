import {defineRule, noOptions} from '../src/rule.js'
import {normalizeStatus, statuses} from '../src/model/vocabulary.js'
import {metaRow} from '../src/model/queries.js'

export default defineRule({
  id: 'meta-status',
  summary: 'Meta Status is `draft`, `in-progress` or `complete`',
  description: 'Fires when Status is not one of `draft`, `in-progress`, `complete`. Common spellings (`In Progress`, `WIP`, `done`) are fixed.',
  rationale: 'The agent loop branches on Status: `complete` means nothing to do, `draft` asks before starting.',
  category: 'meta',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const row = metaRow(spec, 'status')
    if (!row) return
    const value = row.value.trim()
    if ((statuses as readonly string[]).includes(value)) return
    const fixed = normalizeStatus(value)
    const expected = '`draft`, `in-progress` or `complete`'
    if (value === '') ctx.report(`Missing Status, expected ${expected}`, row.valuePosition)
    else if (fixed) ctx.report(`Unexpected Status \`${value}\`, expected \`${fixed}\``, row.valuePosition, {expected: [fixed]})
    else ctx.report(`Unexpected Status \`${value}\`, expected ${expected}`, row.valuePosition)
  },
  examples: {
    valid: [{input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | in-progress |\n'}, {input: '# T\n\n## Meta\n\n- **Status:** draft\n'}],
    invalid: [
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | In Progress |\n',
        messages: ['7:12-7:23: Unexpected Status `In Progress`, expected `in-progress`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | in-progress |\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | done |\n',
        messages: ['7:12-7:16: Unexpected Status `done`, expected `complete`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | complete |\n'
      },
      {
        input: '# T\n\n## Meta\n\n- **Status:** WIP\n',
        messages: ['5:15-5:18: Unexpected Status `WIP`, expected `in-progress`'],
        output: '# T\n\n## Meta\n\n- **Status:** in-progress\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | blocked |\n',
        messages: ['7:12-7:19: Unexpected Status `blocked`, expected `draft`, `in-progress` or `complete`']
      }
    ]
  }
})
