import type {Position} from '../src/model/schema.js'
import {noneWords} from '../src/model/vocabulary.js'
import {defineRule, noOptions} from '../src/rule.js'
import {plainValue} from '../src/model/text.js'
import {executionPlan} from '../src/model/plan-queries.js'

const plan = (dependsOn: string, extra = '') =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| User model + token model | Tables | — |\n| C2 Auth utilities | Helpers | — |\n\n### Phase 2: Endpoints\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Login | Users log in | ${dependsOn} |\n${extra}`

/** Written ways of saying "nothing" that the fix turns into the template's `—`. */
const isNoneWord = (value: string) => (noneWords as readonly string[]).includes(value.trim().toLowerCase())

/** An empty table cell's inside (between its pipes), so that the fix writes ` — ` with padding. */
function emptyCell(source: string, position: Position): {place: Position; text: string} | undefined {
  const offset = position.start.offset
  const open = source.lastIndexOf('|', offset - 1)
  const close = source.indexOf('|', offset)
  if (open === -1 || close === -1 || /\S|\n/.test(source.slice(open + 1, close))) return undefined
  const {line, column} = position.start
  return {
    place: {start: {line, column: column - (offset - open - 1), offset: open + 1}, end: {line, column: column + (close - offset), offset: close}},
    text: ' — '
  }
}

export default defineRule({
  id: 'depends-on-resolves',
  summary: 'Every Depends On entry names a phase or chunk of this spec',
  description:
    "Fires on a Depends On entry (in a chunk table or a `Depends On:` line) that names no phase or chunk of the spec. Entries are `—`, `-`, `none`, `Phase N`, or a chunk's title, id (`C2`) or kebab-case slug of its title, joined by `+`, `,` or `and`. `None`, `N/A`, `n/a` and an empty cell are fixed to `—`.",
  rationale:
    'Depends On is how the coordinator orders chunks; an entry that resolves to nothing is silently dropped, and the chunk may start before what it needs.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const phases = new Set(spec.plan?.phases.map((p) => p.number).filter((n): n is number => n !== null))
    const range = [...phases].sort((a, b) => a - b)
    const phaseList =
      range.length === 0 ? 'none' : range.length === 1 ? `\`Phase ${range[0]}\`` : `\`Phase ${range[0]}\` to \`Phase ${range[range.length - 1]}\``
    for (const chunk of spec.chunks) {
      for (const source of [chunk.row?.dependsOn, chunk.detail?.dependsOn]) {
        if (!source) continue
        const value = plainValue(source.raw).trim()
        if (value === '') {
          const cell = emptyCell(ctx.source, source.position)
          // A row too short to have the cell gets no fix: inserting `—` there would fill another column.
          const fix = cell ? [cell.text] : source === chunk.detail?.dependsOn ? ['—'] : undefined
          ctx.report(
            `Missing Depends On for chunk \`${chunk.title}\`, expected \`—\` when it depends on nothing`,
            cell?.place ?? source.position,
            fix ? {expected: fix} : {}
          )
          continue
        }
        if (isNoneWord(value) && value !== 'none') {
          ctx.report(`Unexpected Depends On \`${value}\`, expected \`—\``, source.position, {expected: ['—']})
          continue
        }
        for (const ref of source.refs) {
          if (ref.kind === 'unknown') {
            ctx.report(
              `Unexpected Depends On \`${ref.text}\` for chunk \`${chunk.title}\`, expected \`Phase N\` or a chunk title, id or slug of this spec`,
              ref.position
            )
          } else if (ref.kind === 'phase' && ref.phase !== null && !phases.has(ref.phase)) {
            ctx.report(`Unexpected Depends On \`${ref.text}\` for chunk \`${chunk.title}\`, expected an existing phase (${phaseList})`, ref.position)
          }
        }
      }
    }
  },
  examples: {
    valid: [
      {name: 'a phase, a title with `+`, an id and a slug', input: plan('Phase 1, User model + token model and C2 + auth-utilities')},
      {name: 'nothing, written three ways', input: plan('—') + '\n- [ ] **Login**\n\n  Outcome: Users log in.\n  Depends On: none\n'},
      {name: 'a dash', input: plan('-')}
    ],
    invalid: [
      {
        name: 'an unknown chunk',
        input: plan('Phase 1 + Session store'),
        messages: ['16:36-16:49: Unexpected Depends On `Session store` for chunk `Login`, expected `Phase N` or a chunk title, id or slug of this spec']
      },
      {
        name: 'a phase that does not exist',
        input: plan('Phase 4'),
        messages: ['16:26-16:33: Unexpected Depends On `Phase 4` for chunk `Login`, expected an existing phase (`Phase 1` to `Phase 2`)']
      },
      {name: '`None`', input: plan('None'), messages: ['16:26-16:30: Unexpected Depends On `None`, expected `—`'], output: plan('—')},
      {
        name: 'a row without the cell: reported, not fixed (a `—` would fill the wrong column)',
        input: '# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Login | Users log in |\n',
        messages: ['9:25: Missing Depends On for chunk `Login`, expected `—` when it depends on nothing']
      },
      {
        name: 'an empty cell',
        input: plan(''),
        messages: ['16:25-16:27: Missing Depends On for chunk `Login`, expected `—` when it depends on nothing'],
        output: plan('—')
      },
      {
        name: '`N/A` on a Depends On line',
        input: plan('—', '\n- [ ] **Login**\n\n  Outcome: Users log in.\n  Depends On: N/A\n'),
        messages: ['21:15-21:18: Unexpected Depends On `N/A`, expected `—`'],
        output: plan('—', '\n- [ ] **Login**\n\n  Outcome: Users log in.\n  Depends On: —\n')
      }
    ]
  }
})
