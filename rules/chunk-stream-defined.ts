import {defineRule, noOptions} from '../src/rule.js'
import {cellOf, declaredStreams, executionPlan, isNoStream} from '../src/model/plan-queries.js'

const spec = (rows: string, stream: string) =>
  `# T\n\n## Execution Plan\n\n### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | src/models/ | backend-api |\n| api | Endpoints | src/api/ | backend-api |\n\n### Phase 1: Foundation\n\n| Chunk | Stream | Outcome | Depends On |\n|---|---|---|---|\n${rows}\n- [ ] **Models**\n\n  Outcome: Tables exist.\n  Stream: ${stream}\n`

export default defineRule({
  id: 'chunk-stream-defined',
  summary: "Every chunk's stream is declared in Work Streams, and every stream has a chunk",
  description:
    'Fires on a chunk whose stream (in its row or its checklist item) is not in the Work Streams table, and on a row and item naming different streams. A declared stream with no chunk is a warning.',
  rationale: 'The stream decides which agent runs a chunk and which paths it may touch; an undeclared stream has no owner and no boundary.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const streams = declaredStreams(spec)
    if (streams.length === 0) return
    const names = new Map(streams.map((s) => [s.name.toLowerCase(), s.name]))
    const used = new Set<string>()
    const declared = [...names.values()].map((n) => `\`${n}\``).join(', ')
    for (const chunk of spec.chunks) {
      const rowCell = chunk.row ? cellOf(chunk.row.cells, 'stream') : undefined
      const rowStream = chunk.row && !isNoStream(chunk.row.stream) ? (chunk.row.stream as string) : null
      const detailField = chunk.detail?.stream && !isNoStream(chunk.detail.stream.value) ? chunk.detail.stream : null
      for (const [value, place] of [
        [rowStream, rowCell?.position],
        [detailField?.value ?? null, detailField?.position]
      ] as const) {
        if (value === null || !place) continue
        if (names.has(value.toLowerCase())) used.add(value.toLowerCase())
        else ctx.report(`Unexpected stream \`${value}\` for chunk \`${chunk.title}\`, expected a declared stream: ${declared}`, place)
      }
      if (rowStream && detailField && rowStream.toLowerCase() !== detailField.value.toLowerCase()) {
        ctx.report(
          `Unexpected stream \`${detailField.value}\` in the checklist item of \`${chunk.title}\`, expected \`${rowStream}\` as in its table row`,
          detailField.position
        )
      }
    }
    for (const stream of streams) {
      if (used.has(stream.name.toLowerCase())) continue
      const cell = cellOf(stream.cells, 'stream', 'name')
      ctx.report(`Unexpected stream \`${stream.name}\` without chunks, expected a chunk for each declared stream`, cell?.position ?? stream.position, {
        severity: 'warning'
      })
    }
  },
  examples: {
    valid: [
      {input: spec('| Models | data | Tables exist | — |\n| Endpoints | api | Users call it | — |\n', 'data')},
      {name: 'case does not matter', input: spec('| Models | Data | Tables exist | — |\n| Endpoints | api | Users call it | — |\n', 'data')}
    ],
    invalid: [
      {
        name: 'an undeclared stream',
        input: spec('| Models | data | Tables exist | — |\n| Endpoints | web | Users call it | — |\n', 'data'),
        messages: [
          '17:15-17:18: Unexpected stream `web` for chunk `Endpoints`, expected a declared stream: `data`, `api`',
          '10:3-10:6: Unexpected stream `api` without chunks, expected a chunk for each declared stream'
        ]
      },
      {
        name: 'row and item differ',
        input: spec('| Models | data | Tables exist | — |\n| Endpoints | api | Users call it | — |\n', 'api'),
        messages: ['22:11-22:14: Unexpected stream `api` in the checklist item of `Models`, expected `data` as in its table row']
      },
      {
        name: 'a stream without chunks',
        input: spec('| Models | data | Tables exist | — |\n', 'data'),
        messages: ['10:3-10:6: Unexpected stream `api` without chunks, expected a chunk for each declared stream']
      }
    ]
  }
})
