import {defineRule, noOptions} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'

const max = 3

export default defineRule({
  id: 'overview-length',
  summary: 'The Overview says what and why in 1 to 3 paragraphs',
  description:
    'Fires when `## Overview` is empty, or has more than 3 blocks (paragraphs, lists and code blocks all count). The message points at the blocks past the third.',
  rationale: 'The template asks for “2-3 paragraphs max”: the Overview frames the work; details belong in Requirements and Architecture.',
  category: 'content',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const section = findSection(spec, 'Overview')
    if (!section || !spec.overview) return
    const {blocks} = spec.overview
    if (blocks.length === 0) {
      ctx.report('Missing Overview text, expected 1 to 3 paragraphs saying what is built and why', section.headingPosition)
      return
    }
    const extra = blocks.slice(max)
    const first = extra[0]
    const last = extra[extra.length - 1]
    if (!first || !last) return
    ctx.report(`Unexpected ${blocks.length} blocks in Overview, expected at most ${max} paragraphs`, {
      start: first.position.start,
      end: last.position.end
    })
  },
  examples: {
    valid: [
      {input: '# T\n\n## Overview\n\nAdd JWT auth.\n\nRequired before workspaces.\n\n## Skills\n'},
      {name: 'Three blocks, one a list', input: '# T\n\n## Overview\n\nOne.\n\n- a\n- b\n\nThree.\n'}
    ],
    invalid: [
      {
        name: 'Empty',
        input: '# T\n\n## Overview\n\n## Skills\n\n- backend-api\n',
        messages: ['3:1-3:12: Missing Overview text, expected 1 to 3 paragraphs saying what is built and why']
      },
      {
        name: 'Only a comment is still empty',
        input: '# T\n\n## Overview\n\n<!-- what and why -->\n',
        messages: ['3:1-3:12: Missing Overview text, expected 1 to 3 paragraphs saying what is built and why']
      },
      {
        name: 'Four paragraphs',
        input: '# T\n\n## Overview\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n',
        messages: ['11:1-11:6: Unexpected 4 blocks in Overview, expected at most 3 paragraphs']
      },
      {
        name: 'Lists and code count',
        input: '# T\n\n## Overview\n\nOne.\n\n- a\n\n```sh\nrun\n```\n\n- b\n\nFive.\n',
        messages: ['13:1-15:6: Unexpected 5 blocks in Overview, expected at most 3 paragraphs']
      }
    ]
  }
})
