import {defineRule, noOptions} from '../src/rule.js'
import {fileStart} from '../src/model/positions.js'

export default defineRule({
  id: 'spec-title',
  summary: 'A spec starts with exactly one `#` title that is not the template’s',
  description: 'Fires when there is no H1, more than one H1, content before the H1, or the H1 is still the template’s `[Work Title]`.',
  rationale:
    'The title names the work everywhere the spec travels (issues, the completion promise, status tables); an agent loop that finds two titles or none cannot tell what it is building.',
  category: 'document',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const [title, ...extra] = spec.titles
    if (!title) {
      ctx.report('Missing title, expected a `# <Work Title>` heading at the top of the spec', fileStart)
      return
    }
    if (!spec.titleFirst) {
      ctx.report(`Unexpected content before the title \`# ${title.text}\`, expected the title first`, title.position)
    }
    if (/^\[[^\]]*\]$/.test(title.text.trim())) {
      ctx.report(`Unexpected template title \`${title.text}\`, expected the name of the work`, title.position)
    }
    for (const heading of extra) {
      ctx.report(`Unexpected second title \`# ${heading.text}\`, expected one \`#\` heading per spec (use \`##\` for sections)`, heading.position)
    }
  },
  examples: {
    valid: [
      {name: 'One title first', input: '# JWT Authentication System\n\n## Meta\n'},
      {name: 'A comment may come before the title', input: '<!-- generated -->\n# Billing export\n'}
    ],
    invalid: [
      {
        name: 'No title',
        input: '## Meta\n\nNo title here.\n',
        messages: ['1:1: Missing title, expected a `# <Work Title>` heading at the top of the spec']
      },
      {
        name: 'Two titles',
        input: '# Billing export\n\n## Overview\n\nText.\n\n# Another title\n',
        messages: ['7:1-7:16: Unexpected second title `# Another title`, expected one `#` heading per spec (use `##` for sections)']
      },
      {
        name: 'Content before the title',
        input: 'Some intro.\n\n# Billing export\n',
        messages: ['3:1-3:17: Unexpected content before the title `# Billing export`, expected the title first']
      },
      {
        name: 'Template title left in',
        input: '# [Work Title]\n\n## Meta\n',
        messages: ['1:1-1:15: Unexpected template title `[Work Title]`, expected the name of the work']
      }
    ]
  }
})
