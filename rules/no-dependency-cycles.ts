import type {Chunk} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {chunkGraphOf, findCycles, isChunkNode, nodeLabel} from '../src/analysis/graph.js'
import {executionPlan} from '../src/model/plan-queries.js'

const plan = (a: string, b: string, c: string) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| C1 Models | Tables | ${a} |\n| C2 Utilities | Helpers | ${b} |\n| C3 Seeds | Data | ${c} |\n`

export default defineRule({
  id: 'no-dependency-cycles',
  summary: 'Chunk dependencies form no cycle',
  description:
    'Fires once per cycle among chunk dependencies, where a `Phase N` reference depends on every chunk of phase N. The message lists the cycle from its first chunk, `a → b → c → a`, with a phase reference shown as `Phase N`. Several cycles through the same chunks are reported once. A chunk that depends on its own phase is left to `no-forward-dependency`.',
  rationale: 'A cycle can never be scheduled: every chunk on it waits for another.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const graph = chunkGraphOf(spec, {dropOwnPhase: true})
    const label = (node: number) => {
      if (!isChunkNode(graph, node)) return nodeLabel(graph, node)
      const chunk = graph.chunks[node] as Chunk
      return chunk.id ?? chunk.title
    }
    for (const cycle of findCycles(graph)) {
      const names = cycle.nodes.map(label)
      const path = [...names, names[0]].join(' → ')
      const ref = cycle.refs[0]
      const first = graph.chunks[cycle.chunks[0] as number]
      ctx.report(
        `Unexpected dependency cycle \`${path}\`, expected dependencies without cycles`,
        ref?.position ?? first?.row?.position ?? first?.detail?.titlePosition
      )
    }
  },
  examples: {
    valid: [
      {input: plan('—', 'C1', 'C1 + C2')},
      {
        name: 'phases in order',
        input: plan('—', '—', '—') + '\n### Phase 2: Next\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| C4 Login | Users log in | Phase 1 |\n'
      }
    ],
    invalid: [
      {
        name: 'three chunks',
        input: plan('C3', 'C1', 'C2'),
        messages: ['9:24-9:26: Unexpected dependency cycle `C1 → C3 → C2 → C1`, expected dependencies without cycles']
      },
      {
        name: 'two chunks and a separate self-reference',
        input: plan('C2', 'C1', 'Seeds'),
        messages: [
          '9:24-9:26: Unexpected dependency cycle `C1 → C2 → C1`, expected dependencies without cycles',
          '11:21-11:26: Unexpected dependency cycle `C3 → C3`, expected dependencies without cycles'
        ]
      },
      {
        name: 'through a phase reference',
        input: plan('C4', '—', '—') + '\n### Phase 2: Next\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| C4 Login | Users log in | Phase 1 |\n',
        messages: ['9:24-9:26: Unexpected dependency cycle `C1 → C4 → Phase 1 → C1`, expected dependencies without cycles']
      }
    ]
  }
})
