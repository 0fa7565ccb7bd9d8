import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {findIn} from '../src/model/positions.js'
import {findSection} from '../src/model/queries.js'
import {listOf} from '../src/model/text.js'

/** Subjective or unquantified phrases: the one list, replaceable with the `words` option. */
export const vagueWords = [
  'works well',
  'work well',
  'working well',
  'is fast',
  'are fast',
  'fast enough',
  'performs quickly',
  'performs well',
  'is clean',
  'are clean',
  'is good',
  'are good',
  'looks good',
  'looks nice',
  'user-friendly',
  'user friendly',
  'easy to use',
  'robust',
  'intuitive',
  'scalable',
  'seamless',
  'high quality',
  'as expected',
  'properly'
]

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export default defineRule({
  id: 'acceptance-verifiable',
  summary: 'Acceptance criteria are checkable, not subjective',
  description: `Fires on a criterion that uses a subjective or unquantified phrase and has no command in backticks and no number to check against. The phrases (option \`words\`, replacing the default list): ${listOf(vagueWords)}.`,
  rationale: '“Works well” is not verifiable (the format’s own words): the loop cannot tell when such a criterion holds, so it never stops or stops too early.',
  category: 'completion',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: z.object({words: z.array(z.string()).default(vagueWords).describe('Phrases that make a criterion subjective (replaces the default list)')}).strict(),
  check(spec, ctx) {
    if (!spec.acceptance || !findSection(spec, 'Acceptance Criteria') || ctx.options.words.length === 0) return
    const pattern = new RegExp(`(?<![\\w-])(?:${ctx.options.words.map(escape).join('|')})(?![\\w-])`, 'i')
    for (const criterion of spec.acceptance.criteria) {
      if (criterion.commands.length > 0 || /\d/.test(criterion.text)) continue
      const hit = pattern.exec(criterion.text)
      if (!hit) continue
      ctx.report(
        `Unexpected subjective \`${hit[0]}\`, expected a command, a number or an observable result`,
        findIn(ctx.source, criterion.position, hit[0], true)
      )
    }
  },
  examples: {
    valid: [
      {input: '# T\n\n## Acceptance Criteria\n\n- [ ] Invalid credentials return 401\n- [ ] All tests pass: `pytest tests/auth/`\n'},
      {
        name: 'Quantified or commanded',
        input: '# T\n\n## Acceptance Criteria\n\n- [ ] Search is fast: p95 under 200 ms\n- [ ] Lint is clean: `ruff check src/`\n'
      }
    ],
    invalid: [
      {
        name: 'The format’s own bad example',
        input: '# T\n\n## Acceptance Criteria\n\n- [ ] Login works well\n',
        messages: ['5:13-5:23: Unexpected subjective `works well`, expected a command, a number or an observable result']
      },
      {
        name: 'Several vague criteria',
        input: '# T\n\n## Acceptance Criteria\n\n- [ ] The UI is intuitive\n- [ ] The API is Scalable and robust\n',
        messages: [
          '5:17-5:26: Unexpected subjective `intuitive`, expected a command, a number or an observable result',
          '6:18-6:26: Unexpected subjective `Scalable`, expected a command, a number or an observable result'
        ]
      },
      {
        name: 'A configured word list',
        options: {words: ['snappy']},
        input: '# T\n\n## Acceptance Criteria\n\n- [ ] The dashboard feels snappy\n- [ ] The API is robust\n',
        messages: ['5:27-5:33: Unexpected subjective `snappy`, expected a command, a number or an observable result']
      }
    ]
  }
})
