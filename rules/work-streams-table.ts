import {defineRule, noOptions} from '../src/rule.js'
import {listOf} from '../src/model/text.js'
import {cellOf, lineRange, where} from '../src/model/plan-queries.js'
import type {Position} from '../src/model/schema.js'

/** Required columns, each with the header names the model reads for it. */
const columns = [
  {name: 'Stream', aliases: ['stream', 'name']},
  {name: 'Responsibility', aliases: ['responsibility']},
  {name: 'Owns', aliases: ['owns', 'files', 'owns files']},
  {name: 'Skills', aliases: ['skills']}
] as const

const streams = (rows: string, header = '| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|') =>
  `# T\n\n## Execution Plan\n\n### Work Streams\n\n${header}\n${rows}\n`

export default defineRule({
  id: 'work-streams-table',
  summary: 'A Work Streams table has Stream, Responsibility, Owns and Skills, and each stream is unique and owns something',
  description:
    'Fires on a `### Work Streams` heading without a table, a Work Streams table without one of the columns Stream, Responsibility, Owns and Skills, a stream name used twice, and a stream whose Owns cell is empty.',
  rationale:
    'In team mode each stream becomes an agent that may only touch the paths it owns; a stream without an Owns cell has no boundary and two streams of one name cannot be told apart.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const section = spec.plan?.workStreams
    if (!section) return
    if (!section.table) {
      ctx.report('Missing Work Streams table, expected columns `Stream`, `Responsibility`, `Owns` and `Skills`', lineRange(ctx.source, section.position))
      return
    }
    const header = section.table.columns.map((c) => c.toLowerCase())
    const missing = columns.filter((column) => !column.aliases.some((alias) => header.includes(alias))).map((c) => c.name)
    if (missing.length > 0) {
      ctx.report(
        `Missing ${missing.length === 1 ? 'column' : 'columns'} ${listOf(missing, 'and')} in the Work Streams table, expected \`Stream | Responsibility | Owns | Skills\``,
        section.table.headerPosition
      )
    }
    const seen = new Map<string, Position>()
    for (const stream of section.streams) {
      const nameCell = cellOf(stream.cells, 'stream', 'name')
      const key = stream.name.toLowerCase()
      if (key !== '') {
        const first = seen.get(key)
        if (first !== undefined) {
          ctx.report(
            `Unexpected duplicate stream \`${stream.name}\` (first at ${where(first)}), expected unique stream names`,
            nameCell?.position ?? stream.position,
            {
              related: [{reason: `First stream \`${stream.name}\``, place: first}]
            }
          )
        } else seen.set(key, nameCell?.position ?? stream.position)
      }
      const owns = cellOf(stream.cells, 'owns', 'files', 'owns files')
      if (owns && stream.owns.length === 0 && stream.ownsProse.length === 0) {
        ctx.report(`Missing paths for stream \`${stream.name}\`, expected the files or folders it owns in \`Owns\``, owns.position)
      }
    }
  },
  examples: {
    valid: [
      {input: streams('| data | Models | src/models/ | backend-api |\n| api | Endpoints | src/api/, src/middleware/ | backend-api |')},
      {name: 'backticked paths', input: streams('| web | Pages | `app/`, `components/` | frontend |')}
    ],
    invalid: [
      {
        name: 'a missing column',
        input: streams('| data | Models | backend-api |', '| Stream | Responsibility | Skills |\n|---|---|---|'),
        messages: ['7:1-7:37: Missing column `Owns` in the Work Streams table, expected `Stream | Responsibility | Owns | Skills`']
      },
      {
        name: 'a duplicate stream',
        input: streams('| data | Models | src/models/ | backend-api |\n| data | More models | src/db/ | backend-api |'),
        messages: ['10:3-10:7: Unexpected duplicate stream `data` (first at 9:3), expected unique stream names']
      },
      {
        name: 'a stream that owns nothing',
        input: streams('| data | Models | src/models/ | backend-api |\n| api | Endpoints | — | backend-api |'),
        messages: ['10:21-10:22: Missing paths for stream `api`, expected the files or folders it owns in `Owns`']
      },
      {
        name: 'a heading without a table',
        input: '# T\n\n## Execution Plan\n\n### Work Streams\n\n- data: models\n',
        messages: ['5:1-5:17: Missing Work Streams table, expected columns `Stream`, `Responsibility`, `Owns` and `Skills`']
      }
    ]
  }
})
