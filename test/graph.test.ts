import {describe, expect, it} from 'vitest'
import {buildSpec} from '../src/model/build.js'
import type {Chunk} from '../src/model/schema.js'
import {buildChunkGraph, findCycles, findForwardDependencies, formatCycle, phaseMembers, stronglyConnected, topologicalOrder} from '../src/analysis/graph.js'
import {specProcessor} from '../src/parse/processor.js'

function model(value: string) {
  return buildSpec(specProcessor().parse(value), value)
}

/** A plan from `[phase, [[title, dependsOn], …]]`, tables only. */
function plan(phases: Array<[number, Array<[string, string]>]>): string {
  const out = ['# T', '', '## Execution Plan', '']
  for (const [number, chunks] of phases) {
    out.push(`### Phase ${number}: P${number}`, '', '| Chunk | Outcome | Depends On |', '|---|---|---|')
    for (const [title, depends] of chunks) out.push(`| ${title} | done | ${depends} |`)
    out.push('')
  }
  return out.join('\n')
}

function keysOf(graph: ReturnType<typeof buildChunkGraph>, nodes: number[]): string[] {
  return nodes.map((node) => graph.chunks[node]?.key ?? `#${node}`)
}

describe('chunk graph', () => {
  it('expands a phase reference through one barrier node to every chunk of the phase', () => {
    const spec = model(
      plan([
        [
          1,
          [
            ['A', '—'],
            ['B', '—']
          ]
        ],
        [
          2,
          [
            ['C', 'Phase 1'],
            ['D', 'A + B']
          ]
        ]
      ])
    )
    const graph = buildChunkGraph(spec)
    expect(graph.chunks.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd'])
    expect(graph.size).toBe(6)
    const c = graph.byKey.get('c') as number
    const barrier = graph.barrierByNumber.get(1) as number
    expect(graph.adjacency[c]).toEqual([barrier])
    expect(keysOf(graph, [...(graph.adjacency[barrier] ?? [])])).toEqual(['a', 'b'])
    expect(keysOf(graph, [...(graph.adjacency[graph.byKey.get('d') as number] ?? [])])).toEqual(['a', 'b'])
    expect(phaseMembers(graph, 1).map((chunk) => chunk.key)).toEqual(['a', 'b'])
    expect(phaseMembers(graph, 9)).toEqual([])
  })

  it('orders chunks after their dependencies, ties in document order', () => {
    const spec = model(
      plan([
        [
          1,
          [
            ['A', 'B'],
            ['B', '—'],
            ['C', '—']
          ]
        ],
        [2, [['D', 'Phase 1']]]
      ])
    )
    const graph = buildChunkGraph(spec)
    const {order, blocked} = topologicalOrder(graph)
    expect(keysOf(graph, order)).toEqual(['b', 'a', 'c', 'd'])
    expect(blocked).toEqual([])
  })

  it('reports each cycle once, with its full path, starting at its first chunk', () => {
    const spec = model(
      plan([
        [
          1,
          [
            ['A', 'C'],
            ['B', 'A'],
            ['C', 'B + E'],
            ['E', 'C'],
            ['F', 'F'],
            ['G', '—']
          ]
        ]
      ])
    )
    const graph = buildChunkGraph(spec)
    const cycles = findCycles(graph)
    // A, B, C, E form one component (two elementary cycles): reported once.
    expect(cycles.map((cycle) => formatCycle(graph, cycle))).toEqual(['a → c → b → a', 'f → f'])
    expect(cycles[0]?.refs.map((ref) => ref.text)).toEqual(['C', 'B', 'A'])
    const {order, blocked} = topologicalOrder(graph)
    expect(keysOf(graph, order)).toEqual(['g'])
    expect(keysOf(graph, blocked)).toEqual(['a', 'b', 'c', 'e', 'f'])
  })

  it('shows a phase reference inside a cycle as `Phase N`', () => {
    const spec = model(
      plan([
        [1, [['A', 'Phase 2']]],
        [2, [['B', 'A']]]
      ])
    )
    const graph = buildChunkGraph(spec)
    expect(findCycles(graph).map((cycle) => formatCycle(graph, cycle))).toEqual(['a → Phase 2 → b → a'])
  })

  it('can leave out own-phase references, which are forward dependencies rather than cycles', () => {
    const spec = model(
      plan([
        [1, [['A', '—']]],
        [
          2,
          [
            ['B', 'Phase 2'],
            ['C', '—']
          ]
        ]
      ])
    )
    expect(findCycles(buildChunkGraph(spec)).length).toBe(1)
    expect(findCycles(buildChunkGraph(spec, {dropOwnPhase: true}))).toEqual([])
  })

  it('finds own-phase, later-phase and later-chunk references', () => {
    const spec = model(
      plan([
        [
          1,
          [
            ['A', 'Phase 1'],
            ['B', 'Phase 2'],
            ['C', 'D'],
            ['E', 'A']
          ]
        ],
        [
          2,
          [
            ['D', 'Phase 1'],
            ['F', 'Phase 3']
          ]
        ],
        [3, []]
      ])
    )
    const graph = buildChunkGraph(spec)
    const found = findForwardDependencies(graph).map((f) => [graph.chunks[f.chunk]?.key, f.ref.text, f.kind])
    expect(found).toEqual([
      ['a', 'Phase 1', 'own-phase'],
      ['b', 'Phase 2', 'later-phase'],
      ['c', 'D', 'later-chunk'],
      ['f', 'Phase 3', 'later-phase']
    ])
  })

  it('returns strongly connected components, dependencies first', () => {
    const spec = model(
      plan([
        [
          1,
          [
            ['A', 'B'],
            ['B', 'A'],
            ['C', 'A']
          ]
        ]
      ])
    )
    const graph = buildChunkGraph(spec)
    const components = stronglyConnected(graph).filter((component) => component.every((n) => n < graph.chunks.length))
    expect(components.map((component) => keysOf(graph, component).sort())).toEqual([['a', 'b'], ['c']])
  })

  it('handles 10,000 phases and 20,000 chunks without recursion limits', () => {
    // Built as a model directly: parsing 20,000 table rows is the parser's cost, not the graph's.
    const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
    const ref = (text: string, kind: 'phase' | 'chunk', phase: number, target: string | null) => ({text, kind, phase, target, position})
    const chunks: Chunk[] = []
    for (let p = 1; p <= 10_000; p++) {
      const chunk = (n: number, dependsOn: Chunk['dependsOn']): Chunk => ({
        key: `C${n}`,
        id: `C${n}`,
        title: `Step ${n}`,
        slug: `step-${n}`,
        phase: p,
        phaseIndex: p - 1,
        issueId: null,
        checked: null,
        stream: null,
        outcome: 'done',
        skills: null,
        dependsOn,
        subtasks: [],
        row: null,
        detail: null
      })
      // Left depends on the previous phase as a whole, Right on Left: a 20,000-deep chain.
      chunks.push(chunk(2 * p - 1, p === 1 ? [ref('C20000', 'chunk', 10_000, 'C20000')] : [ref(`Phase ${p - 1}`, 'phase', p - 1, null)]))
      chunks.push(chunk(2 * p, [ref(`C${2 * p - 1}`, 'chunk', p, `C${2 * p - 1}`)]))
    }
    const graph = buildChunkGraph({chunks, plan: null})
    expect(graph.size).toBe(30_000)
    const cycles = findCycles(graph)
    expect(cycles.length).toBe(1)
    const cycle = cycles[0]
    // The shortest way back: C20000, then every Left chunk through the phase barriers.
    expect(cycle?.chunks.length).toBe(10_001)
    expect(cycle && formatCycle(graph, cycle).startsWith('C1 → C20000 → C19999 → Phase 9999 → C19997 → Phase 9998')).toBe(true)
    expect(cycle && formatCycle(graph, cycle).endsWith('C3 → Phase 1 → C1')).toBe(true)
    expect(findForwardDependencies(graph).map((f) => f.ref.text)).toEqual(['C20000'])
    expect(topologicalOrder(graph).order.length).toBe(0)
    // One component holds every chunk and barrier but Phase 10000, which nothing references.
    expect(
      stronglyConnected(graph)
        .map((component) => component.length)
        .sort((a, b) => a - b)
    ).toEqual([1, 29_999])

    // Without the back edge: no cycle, and a complete order that respects every edge.
    chunks[0] = {...(chunks[0] as Chunk), dependsOn: []}
    const acyclic = buildChunkGraph({chunks, plan: null})
    expect(findCycles(acyclic)).toEqual([])
    const {order, blocked} = topologicalOrder(acyclic)
    expect(blocked).toEqual([])
    expect(order.length).toBe(20_000)
    const at = new Map(order.map((node, i) => [node, i]))
    expect(
      order.every((node) =>
        chunks[node]?.dependsOn.every((d) => d.kind === 'phase' || (at.get(acyclic.byKey.get(d.target ?? '') ?? -1) ?? 99_999) < (at.get(node) ?? 0))
      )
    ).toBe(true)
  })
})
