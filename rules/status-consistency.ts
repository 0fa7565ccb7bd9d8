import {listOf} from '../src/model/text.js'
import type {Chunk} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {metaRow} from '../src/model/queries.js'
import {chunkGraphOf, isChunkNode} from '../src/analysis/graph.js'
import {chunkLabel} from '../src/model/plan-queries.js'
import {normalizeStatus} from '../src/model/vocabulary.js'
import {checkboxProgress} from '../src/model/progress.js'

const spec = (status: string, a: string, b: string, criterion = ' ') =>
  `# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | ${status} |\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables | — |\n| Endpoints | API | Models |\n\n- [${a}] **Models**\n\n  Outcome: Tables.\n\n- [${b}] **Endpoints**\n\n  Outcome: API.\n\n## Acceptance Criteria\n\n- [${criterion}] Tests pass: \`npm test\`\n`

export default defineRule({
  id: 'status-consistency',
  summary: 'Meta Status agrees with the checkboxes',
  description:
    'Fires on Status `draft` with checked chunks, on Status `complete` with an unchecked chunk or acceptance criterion (an error in both presets), and on a checked chunk whose dependencies are not checked. The fix rewrites Status to what the checkboxes say: all chunks and criteria checked is `complete`, some chunk checked is `in-progress`, none is `draft`.',
  rationale:
    'The loop stops on `complete` and asks before starting on `draft`; a Status that disagrees with the checklist ends a run early or redoes finished work.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const row = metaRow(spec, 'status')
    const status = row ? normalizeStatus(row.value) : undefined
    const progress = checkboxProgress(spec)
    // No checkbox anywhere: the checkboxes say nothing about the Status.
    if (progress.status === null) return
    const checked = progress.checkedChunks
    const actual = progress.status

    if (row && status === 'draft' && checked > 0) {
      // The checkbox may be the slip, not the Status: name both readings.
      const ticked = spec.chunks.filter((chunk) => chunk.checked === true)
      const names = listOf(ticked.slice(0, 3).map(chunkLabel), 'and') + (ticked.length > 3 ? ` and ${ticked.length - 3} more` : '')
      ctx.report(
        `Unexpected Status \`${row.value}\` with ${checked} checked ${checked === 1 ? 'chunk' : 'chunks'} (${names}), expected the two to agree: Status \`${actual}\` if that work is done, else ${checked === 1 ? 'its checkbox' : 'their checkboxes'} unchecked`,
        row.valuePosition,
        {expected: [actual]}
      )
    } else if (row && status === 'complete' && actual !== 'complete') {
      const open = progress.chunks - progress.checkedChunks
      const openCriteria = progress.criteria - progress.checkedCriteria
      const what = [
        open > 0 ? `${open} unchecked ${open === 1 ? 'chunk' : 'chunks'}` : '',
        openCriteria > 0 ? `${openCriteria} unchecked ${openCriteria === 1 ? 'criterion' : 'criteria'}` : ''
      ]
        .filter(Boolean)
        .join(' and ')
      ctx.report(`Unexpected Status \`${row.value}\` with ${what}, expected \`${actual}\``, row.valuePosition, {
        expected: [actual],
        severity: 'error'
      })
    }

    if (checked === 0) return
    const graph = chunkGraphOf(spec)
    graph.chunks.forEach((chunk, node) => {
      if (!chunk.checked || !chunk.detail) return
      const open: Chunk[] = []
      for (const to of graph.adjacency[node] ?? []) {
        const targets = isChunkNode(graph, to) ? [to] : [...(graph.adjacency[to] ?? [])]
        for (const target of targets) {
          const dependency = graph.chunks[target]
          if (dependency && dependency !== chunk && dependency.checked === false && !open.includes(dependency)) open.push(dependency)
        }
      }
      if (open.length === 0) return
      const names = open.map((d) => `\`${chunkLabel(d)}\``).join(', ')
      ctx.report(
        `Unexpected checked chunk \`${chunkLabel(chunk)}\` with unchecked ${open.length === 1 ? 'dependency' : 'dependencies'} ${names}, expected its dependencies done first`,
        chunk.detail.titlePosition
      )
    })
  },
  examples: {
    valid: [
      {input: spec('in-progress', 'x', ' ')},
      {name: 'complete, everything checked', input: spec('complete', 'x', 'x', 'x')},
      {name: 'a draft with nothing checked', input: spec('draft', ' ', ' ')},
      {
        name: 'complete without any checkbox',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | complete |\n\n## Execution Plan\n\n### Phase 1: All\n\n- **C1** Everything\n'
      }
    ],
    invalid: [
      {
        name: 'a draft with checked chunks',
        input: spec('draft', 'x', ' '),
        messages: [
          '7:12-7:17: Unexpected Status `draft` with 1 checked chunk (`Models`), expected the two to agree: Status `in-progress` if that work is done, else its checkbox unchecked'
        ],
        output: spec('in-progress', 'x', ' ')
      },
      {
        name: 'complete with an unchecked criterion',
        input: spec('complete', 'x', 'x', ' '),
        messages: ['7:12-7:20: Unexpected Status `complete` with 1 unchecked criterion, expected `in-progress`'],
        output: spec('in-progress', 'x', 'x', ' ')
      },
      {
        name: 'a checked chunk before its dependency',
        input: spec('in-progress', ' ', 'x'),
        messages: ['22:9-22:18: Unexpected checked chunk `Endpoints` with unchecked dependency `Models`, expected its dependencies done first']
      },
      {
        name: 'complete with nothing checked',
        input: spec('complete', ' ', ' '),
        messages: ['7:12-7:20: Unexpected Status `complete` with 2 unchecked chunks and 1 unchecked criterion, expected `draft`'],
        output: spec('draft', ' ', ' ')
      }
    ]
  }
})
