import {defineRule, noOptions} from '../src/rule.js'
import {isPlaceholder} from '../src/model/vocabulary.js'
import {metaRow} from '../src/model/queries.js'

export default defineRule({
  id: 'meta-repo',
  summary: 'Meta Repo names the repository',
  description: 'Fires when Repo is empty or still a placeholder (`[repository name]`, `<repo>`, `TBD`).',
  rationale: 'The loop and the task creator use Repo to know where the work happens.',
  category: 'meta',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const row = metaRow(spec, 'repo')
    if (!row) return
    const value = row.value.trim()
    if (value === '') ctx.report('Missing Repo, expected the repository name', row.valuePosition)
    else if (isPlaceholder(value)) ctx.report(`Unexpected placeholder Repo \`${value}\`, expected the repository name`, row.valuePosition)
  },
  examples: {
    valid: [
      {input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Repo | ns-content-workforce-api |\n'},
      {input: '# T\n\n## Meta\n\n- **Repo:** New — `Helping Hayden/Next Gen Gym/`\n'}
    ],
    invalid: [
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Repo | [repository name] |\n',
        messages: ['7:10-7:27: Unexpected placeholder Repo `[repository name]`, expected the repository name']
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Repo | TBD |\n',
        messages: ['7:10-7:13: Unexpected placeholder Repo `TBD`, expected the repository name']
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Repo | |\n',
        messages: ['7:10: Missing Repo, expected the repository name']
      }
    ]
  }
})
