import {defineRule, noOptions} from '../src/rule.js'
import {cellOf, declaredStreams, lineRange} from '../src/model/plan-queries.js'

const plan = (rows: string | null) =>
  `# T\n\n## Execution Plan\n\n### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | src/models/ | backend-api |\n| api | Endpoints | src/api/ | backend-api |\n` +
  (rows === null ? '' : `\n### Communication\n\n| From | To | When | What |\n|---|---|---|---|\n${rows}\n`)

/** `api, web`, `api + web`, `api and web`: one cell may name several streams. */
function namesIn(value: string): string[] {
  return value
    .split(/\s*(?:,|\+|&|\band\b)\s*/i)
    .map((v) => v.trim())
    .filter(Boolean)
}

export default defineRule({
  id: 'communication-table',
  summary: 'Communication rows go between declared streams',
  description:
    'Fires on a Communication row whose From or To names a stream the Work Streams table does not declare (`all` is allowed), and on a row from a stream to itself. A plan with several streams and no Communication section gets a warning.',
  rationale: 'Streams run in parallel and only know about each other through these hand-offs; a hand-off to a stream that does not exist is never received.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const plan = spec.plan
    const streams = declaredStreams(spec)
    if (!plan || streams.length === 0) return
    const names = new Set(streams.map((s) => s.name.toLowerCase()))
    const list = streams.map((s) => `\`${s.name}\``).join(', ')
    if (!plan.communication) {
      if (streams.length > 1 && plan.workStreams) {
        ctx.report(
          `Missing Communication section for ${streams.length} streams, expected a \`### Communication\` table of hand-offs between them`,
          lineRange(ctx.source, plan.workStreams.position),
          {severity: 'warning'}
        )
      }
      return
    }
    for (const row of plan.communication.rows) {
      const from = namesIn(row.from)
      const to = namesIn(row.to)
      for (const [column, values] of [
        ['From', from],
        ['To', to]
      ] as const) {
        const cell = cellOf(row.cells, column.toLowerCase())
        for (const value of values) {
          if (value.toLowerCase() === 'all' || names.has(value.toLowerCase())) continue
          ctx.report(`Unexpected stream \`${value}\` in ${column}, expected a declared stream (${list}) or \`all\``, cell?.position ?? row.position)
        }
      }
      if (from.length === 1 && to.length === 1 && from[0]?.toLowerCase() === to[0]?.toLowerCase() && from[0]?.toLowerCase() !== 'all') {
        ctx.report(`Unexpected hand-off from \`${from[0]}\` to itself, expected a different stream in To`, cellOf(row.cells, 'to')?.position ?? row.position)
      }
    }
  },
  examples: {
    valid: [
      {input: plan('| data | api | After Phase 1 | Model schemas |')},
      {
        name: '`all` and several streams in one cell',
        input: plan('| data | all | After Phase 1 | Model schemas |\n| api | data, api | After Phase 2 | Endpoints |')
      }
    ],
    invalid: [
      {
        name: 'an undeclared stream',
        input: plan('| data | web | After Phase 1 | Model schemas |'),
        messages: ['16:10-16:13: Unexpected stream `web` in To, expected a declared stream (`data`, `api`) or `all`']
      },
      {
        name: 'to itself',
        input: plan('| api | api | After Phase 2 | Endpoints |'),
        messages: ['16:9-16:12: Unexpected hand-off from `api` to itself, expected a different stream in To']
      },
      {
        name: 'no Communication section',
        input: plan(null),
        messages: ['5:1-5:17: Missing Communication section for 2 streams, expected a `### Communication` table of hand-offs between them']
      }
    ]
  }
})
