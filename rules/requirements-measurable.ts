import {z} from 'zod'
import {isTraceable} from '../src/analysis/trace.js'
import {rangeAt} from '../src/model/positions.js'
import {listOf} from '../src/model/text.js'
import {vagueQualityWords} from '../src/model/vocabulary.js'
import {defineRule} from '../src/rule.js'

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * What makes a quality word measurable in its sentence: a number (units
 * come with one), a code span (a command, an endpoint), a quoted behaviour,
 * a path, or an explanation that follows the word after `:`, `(` or a dash.
 */
const measure = /\d|`|["“”]|(?:^|\s)\/\w/

const explained = /^[^.;!?]*?(?::|\(|\s[—–-]\s)\s*\S/

export default defineRule({
  id: 'requirements-measurable',
  summary: 'Requirements say how a quality is measured',
  description: `Fires on a requirement with a vague adjective or adverb and nothing in its sentence that measures it: no number or unit, no command or code span, no quoted behaviour, no path, and no explanation after the word (\`fast: results appear as you type\`). The words (option \`words\`, replacing the default list): ${listOf(vagueQualityWords)}.`,
  rationale:
    'The format asks for requirements “specific enough that acceptance can be verified”. “Fast” or “scalable” with no measure becomes an acceptance criterion nobody can check, and the loop decides for itself when it holds.',
  category: 'content',
  recommended: 'off',
  strict: 'warn',
  fixable: false,
  options: z
    .object({
      words: z
        .array(z.string())
        .default([...vagueQualityWords])
        .describe('Vague words to look for (replaces the default list)')
    })
    .strict(),
  check(spec, ctx) {
    if (ctx.options.words.length === 0) return
    const pattern = new RegExp(`(?<![\\w-])(?:${ctx.options.words.map(escape).join('|')})(?![\\w-])`, 'gi')
    for (const requirement of spec.requirements) {
      if (!isTraceable(requirement)) continue
      const start = requirement.position.start.offset
      const raw = ctx.source.slice(start, requirement.position.end.offset)
      for (const hit of raw.matchAll(pattern)) {
        const sentenceStart = Math.max(raw.lastIndexOf('. ', hit.index), raw.lastIndexOf('; ', hit.index), -1) + 1
        const after = raw.slice(hit.index + hit[0].length)
        const end = /[.;!?](?:\s|$)/.exec(after)
        const sentence = raw.slice(sentenceStart, hit.index + hit[0].length + (end ? end.index : after.length))
        if (measure.test(sentence) || explained.test(after)) continue
        ctx.report(
          `Unexpected unmeasured \`${hit[0]}\`, expected a number, unit, command or named behaviour beside it`,
          rangeAt(ctx.source, start + hit.index, start + hit.index + hit[0].length)
        )
      }
    }
  },
  examples: {
    valid: [
      {input: '# T\n\n## Requirements\n\n- Search is fast: p95 under 200 ms\n- The import is robust to a missing header row (`--skip-header`)\n'},
      {
        name: 'Explained after the word',
        input: '# T\n\n## Requirements\n\n- The editor is intuitive: every action has a toolbar button and a shortcut\n'
      }
    ],
    invalid: [
      {
        name: 'Spec Kit’s own examples',
        input: '# T\n\n## Requirements\n\n- The API is fast and scalable\n- The dashboard is intuitive\n',
        messages: [
          '5:14-5:18: Unexpected unmeasured `fast`, expected a number, unit, command or named behaviour beside it',
          '5:23-5:31: Unexpected unmeasured `scalable`, expected a number, unit, command or named behaviour beside it',
          '6:20-6:29: Unexpected unmeasured `intuitive`, expected a number, unit, command or named behaviour beside it'
        ]
      },
      {
        name: 'A number in another sentence does not measure it',
        input: '# T\n\n## Requirements\n\n- Exports keep 30 days of history. Downloads are quick.\n',
        messages: ['5:50-5:55: Unexpected unmeasured `quick`, expected a number, unit, command or named behaviour beside it']
      },
      {
        name: 'A configured word list',
        options: {words: ['snappy']},
        input: '# T\n\n## Requirements\n\n- The UI feels snappy\n- The API is fast\n',
        messages: ['5:16-5:22: Unexpected unmeasured `snappy`, expected a number, unit, command or named behaviour beside it']
      }
    ]
  }
})
