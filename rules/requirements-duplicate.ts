import {isTraceable} from '../src/analysis/trace.js'
import type {Requirement} from '../src/model/schema.js'
import {requirementIdPrefix} from '../src/model/vocabulary.js'
import {defineRule, noOptions} from '../src/rule.js'

/** Fewer words than this contained in another requirement are a phrase, not a repeat. */
const minContainedWords = 3

function words(requirement: Requirement): string[] {
  return requirement.text
    .replace(requirementIdPrefix, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
}

function label(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= 40 ? flat : `${flat.slice(0, 39)}…`
}

export default defineRule({
  id: 'requirements-duplicate',
  summary: 'No requirement repeats another',
  description: `Fires on a requirement whose text, after normalising case, punctuation, accents and an id prefix (\`R2:\`), equals an earlier one's, or is contained word for word in another requirement (${minContainedWords} words or more).`,
  rationale:
    'A repeated requirement splits its chunks and criteria between two entries, and an edit to one leaves the other stale: review tools report near-duplicates for this reason.',
  category: 'content',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const entries = spec.requirements.filter(isTraceable).map((requirement) => ({requirement, words: words(requirement)}))
    const byFirst = new Map<string, number[]>()
    entries.forEach((entry, index) => {
      const first = entry.words[0]
      if (first === undefined) return
      const list = byFirst.get(first) ?? []
      list.push(index)
      byFirst.set(first, list)
    })
    const reported = new Set<number>()
    const same = new Map<string, number>()
    entries.forEach((entry, index) => {
      const key = entry.words.join(' ')
      const earlier = same.get(key)
      if (earlier === undefined) {
        same.set(key, index)
        return
      }
      const other = entries[earlier]?.requirement
      if (!other || key === '') return
      reported.add(index)
      ctx.report(
        `Unexpected requirement repeating line ${other.position.start.line} (\`${label(other.text)}\`), expected each requirement once`,
        entry.requirement.position
      )
    })
    // `shorter` is contained in `longer` when its words start at some word of `longer`.
    entries.forEach((longer, outer) => {
      const seen = new Set<number>()
      longer.words.forEach((word, at) => {
        for (const inner of byFirst.get(word) ?? []) {
          const shorter = entries[inner]
          if (!shorter || inner === outer || seen.has(inner) || reported.has(inner)) continue
          if (shorter.words.length < minContainedWords || shorter.words.length >= longer.words.length) continue
          if (shorter.words.every((w, i) => longer.words[at + i] === w)) {
            seen.add(inner)
            reported.add(inner)
            ctx.report(
              `Unexpected requirement contained in line ${longer.requirement.position.start.line} (\`${label(longer.requirement.text)}\`), expected each requirement once`,
              shorter.requirement.position
            )
          }
        }
      })
    })
  },
  examples: {
    valid: [
      {input: '# T\n\n## Requirements\n\n- Users can export invoices as CSV\n- Users can export invoices as JSON\n'},
      {name: 'A short shared phrase', input: '# T\n\n## Requirements\n\n- Exports run nightly\n- Nightly exports run on a replica\n'}
    ],
    invalid: [
      {
        name: 'The same text, another case and id',
        input: '# T\n\n## Requirements\n\n- R1: Passwords are hashed with bcrypt\n- R2: passwords are hashed with bcrypt.\n',
        messages: ['6:1-6:40: Unexpected requirement repeating line 5 (`R1: Passwords are hashed with bcrypt`), expected each requirement once']
      },
      {
        name: 'One contained in another',
        input: '# T\n\n## Requirements\n\n- Refresh tokens rotate on use and are stored for revocation\n- Refresh tokens rotate on use\n',
        messages: ['6:1-6:31: Unexpected requirement contained in line 5 (`Refresh tokens rotate on use and are st…`), expected each requirement once']
      },
      {
        name: 'Prose paragraphs count too',
        input: '# T\n\n## Requirements\n\nThe export runs every night.\n\nThe export runs every night\n',
        messages: ['7:1-7:28: Unexpected requirement repeating line 5 (`The export runs every night.`), expected each requirement once']
      }
    ]
  }
})
