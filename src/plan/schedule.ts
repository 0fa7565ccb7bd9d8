import type {Chunk, DependencyRef, SpecModel} from '../model/schema.js'
import {buildChunkGraph, findCycles, formatCycle, isChunkNode, topologicalOrder} from '../analysis/graph.js'
import type {ChunkGraph, PhaseBarrier} from '../analysis/graph.js'

/*
 * The plan as a schedule. The format says phases run in sequence (Phase 2
 * starts after Phase 1 completes) and chunks of one phase in parallel, so on
 * top of the written `Depends On` references every chunk waits for the chunks
 * of the phase before it (the nearest earlier phase that has chunks). That
 * implicit barrier is added to the dependency graph of `graph.ts` as one more
 * barrier node per phase, so it costs one edge per chunk, not |phase|²,
 * and every algorithm stays linear.
 */

export interface Schedule {
  graph: ChunkGraph
  /** Per chunk node: the keys of the chunks it waits for, barriers expanded, deduplicated, in document order. */
  blockedBy: string[][]
  /** `a → b → a` for each dependency cycle. */
  cycles: string[]
}

/** The dependency graph with the sequential-phase barrier added to every chunk after the first phase. */
export function scheduleGraph(spec: Pick<SpecModel, 'chunks' | 'plan'>): ChunkGraph {
  const base = buildChunkGraph(spec, {dropOwnPhase: true})
  const chunks = base.chunks
  const barriers: PhaseBarrier[] = [...base.barriers]
  const adjacency = base.adjacency.map((out) => out.slice())
  const refs = base.refs.map((out) => out.slice())

  // Chunks grouped by phase in document order (phaseIndex), chunkless phases skipped.
  const byPhase = new Map<number, number[]>()
  chunks.forEach((chunk, node) => {
    const members = byPhase.get(chunk.phaseIndex)
    if (members) members.push(node)
    else byPhase.set(chunk.phaseIndex, [node])
  })
  const ranks = [...byPhase.keys()].sort((a, b) => a - b)
  // Barrier nodes are appended after the base graph's; move them so chunk nodes keep their indices.
  let size = base.size
  ranks.forEach((rank, i) => {
    if (i === 0) return
    const previous = byPhase.get(ranks[i - 1] as number) as number[]
    const first = chunks[previous[0] as number] as Chunk
    const node = size++
    barriers.push({number: first.phase ?? ranks[i - 1]!, members: previous.slice(), firstRank: ranks[i - 1]!, lastRank: ranks[i - 1]!})
    adjacency.push(previous.slice())
    refs.push([])
    for (const member of byPhase.get(rank) as number[]) {
      const chunk = chunks[member] as Chunk
      ;(adjacency[member] as number[]).push(node)
      ;(refs[member] as DependencyRef[]).push(barrierRef(chunk, first))
    }
  })

  return {...base, barriers, size, adjacency, refs}
}

function barrierRef(chunk: Chunk, previous: Chunk): DependencyRef {
  const position = chunk.detail?.titlePosition ?? chunk.row?.position ?? {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  const text = previous.phase === null ? 'the previous phase' : `Phase ${previous.phase}`
  return {text, kind: 'phase', phase: previous.phase, target: null, position}
}

/** Members of a barrier node. */
function membersOf(graph: ChunkGraph, node: number): readonly number[] {
  return (graph.barriers[node - graph.chunks.length] as PhaseBarrier).members
}

export function buildSchedule(spec: Pick<SpecModel, 'chunks' | 'plan'>): Schedule {
  const graph = scheduleGraph(spec)
  const blockedBy = graph.chunks.map((_, node) => {
    const seen = new Set<number>()
    for (const to of graph.adjacency[node] as readonly number[]) {
      if (isChunkNode(graph, to)) seen.add(to)
      else for (const member of membersOf(graph, to)) seen.add(member)
    }
    seen.delete(node)
    return [...seen].sort((a, b) => a - b).map((n) => (graph.chunks[n] as Chunk).key)
  })
  const cycles = findCycles(graph).map((cycle) => formatCycle(graph, cycle))
  return {graph, blockedBy, cycles}
}

const done = (chunk: Chunk) => chunk.checked === true

/**
 * Unchecked chunks whose dependencies are all checked, in phase order then
 * document order: what an agent loop does next. Linear: a barrier's state is
 * worked out once.
 */
export function readyChunks(graph: ChunkGraph): Chunk[] {
  const barrierDone = new Map<number, boolean>()
  const isDone = (node: number): boolean => {
    if (isChunkNode(graph, node)) return done(graph.chunks[node] as Chunk)
    let state = barrierDone.get(node)
    if (state === undefined) {
      state = membersOf(graph, node).every((member) => done(graph.chunks[member] as Chunk))
      barrierDone.set(node, state)
    }
    return state
  }
  return graph.chunks
    .map((chunk, node) => ({chunk, node}))
    .filter(({chunk, node}) => !done(chunk) && (graph.adjacency[node] as readonly number[]).every((to) => to !== node && isDone(to)))
    .sort((a, b) => a.chunk.phaseIndex - b.chunk.phaseIndex || a.node - b.node)
    .map(({chunk}) => chunk)
}

export class CycleError extends Error {
  constructor(readonly cycles: string[]) {
    super(`Unexpected dependency cycle ${cycles[0] ?? ''}, expected an acyclic plan`)
    this.name = 'CycleError'
  }
}

/**
 * The longest chain of unchecked chunks: each waits for the one before it.
 * Dynamic programming over the topological order (checked chunks weigh 0,
 * unchecked 1); a barrier's best predecessor is computed once, so the whole
 * pass is linear in nodes and edges. Ties go to the earlier chunk in the
 * document. Throws `CycleError` on a cyclic plan.
 */
export function criticalPath(graph: ChunkGraph): Chunk[] {
  const {order, blocked} = topologicalOrder(graph)
  if (blocked.length > 0) throw new CycleError(findCycles(graph).map((cycle) => formatCycle(graph, cycle)))
  const length = new Int32Array(graph.chunks.length)
  const previous = new Int32Array(graph.chunks.length).fill(-1)
  const barrierBest = new Map<number, number>()
  const better = (a: number, b: number) =>
    b < 0 ? a >= 0 : a >= 0 && ((length[a] as number) > (length[b] as number) || ((length[a] as number) === (length[b] as number) && a < b))
  const bestOf = (node: number): number => {
    if (isChunkNode(graph, node)) return node
    let best = barrierBest.get(node)
    if (best === undefined) {
      best = -1
      for (const member of membersOf(graph, node)) if (better(member, best)) best = member
      barrierBest.set(node, best)
    }
    return best
  }
  for (const node of order) {
    let best = -1
    for (const to of graph.adjacency[node] as readonly number[]) {
      const candidate = bestOf(to)
      if (candidate !== node && better(candidate, best)) best = candidate
    }
    previous[node] = best
    length[node] = (best >= 0 ? (length[best] as number) : 0) + (done(graph.chunks[node] as Chunk) ? 0 : 1)
  }
  let end = -1
  for (const node of order) if (better(node, end)) end = node
  if (end < 0 || length[end] === 0) return []
  const chain: Chunk[] = []
  for (let node = end; node >= 0; node = previous[node] as number) {
    const chunk = graph.chunks[node] as Chunk
    if (!done(chunk)) chain.push(chunk)
  }
  return chain.reverse()
}
