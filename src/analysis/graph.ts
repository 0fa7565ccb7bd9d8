import type {Chunk, DependencyRef, Phase, SpecModel} from '../model/schema.js'

/*
 * The chunk dependency graph. Nodes are chunks (by `key`) plus one barrier
 * node per phase number: a `Phase N` reference becomes one edge to the
 * barrier, and the barrier has one edge to each chunk of phase N. That keeps
 * the edge count linear in the references written (a phase reference does not
 * fan out into |phase| edges per dependent), so every algorithm here is
 * O(nodes + edges). All traversals use explicit stacks or queues: specs with
 * tens of thousands of chunks must not hit the call-stack limit.
 *
 * Edge direction: from the dependent to what it depends on (`a → b` means `a`
 * depends on `b`), which is also how cycles are written in messages.
 */

/** A phase number as a node: depending on it means depending on all its chunks. */
export interface PhaseBarrier {
  /** The phase number written in `### Phase N`. */
  number: number
  /** Node indices of the phase's chunks (all phases with this number). */
  members: number[]
  /** Document order (phase index) of the first and last phase with this number. */
  firstRank: number
  lastRank: number
}

/** One written dependency: the chunk node, the node it points at, the reference that made it. */
export interface DependencyEdge {
  from: number
  to: number
  ref: DependencyRef
}

export interface ChunkGraph {
  /** Chunk nodes: node `i < chunks.length` is `chunks[i]`, in document order. */
  chunks: readonly Chunk[]
  /** Barrier nodes: node `chunks.length + j` is `barriers[j]`. */
  barriers: readonly PhaseBarrier[]
  /** Total node count (chunks + barriers). */
  size: number
  /** Out-edges per node (dependencies), without duplicates. */
  adjacency: readonly (readonly number[])[]
  /** For chunk nodes: the reference behind each edge, parallel to `adjacency`. */
  refs: readonly (readonly DependencyRef[])[]
  /** Node index of a chunk by its key. */
  byKey: ReadonlyMap<string, number>
  /** Barrier node index by phase number. */
  barrierByNumber: ReadonlyMap<number, number>
  /** Phase index (document order of phases) per chunk node. */
  rank: readonly number[]
}

export interface GraphOptions {
  /**
   * Leave out references to a chunk's own phase as a whole. Such a reference
   * is always a cycle through the phase; `no-forward-dependency` reports it,
   * so the cycle search can skip it.
   */
  dropOwnPhase?: boolean
}

const graphs = new WeakMap<object, {plain?: ChunkGraph; dropOwnPhase?: ChunkGraph}>()

/**
 * The chunk graph of a spec, built once per model and shared by every rule
 * that needs it (the model is built once per file, so the key is the file's).
 * Callers must not mutate it.
 */
export function chunkGraphOf(spec: Pick<SpecModel, 'chunks' | 'plan'>, options: GraphOptions = {}): ChunkGraph {
  const cached = graphs.get(spec) ?? {}
  graphs.set(spec, cached)
  const slot = options.dropOwnPhase ? 'dropOwnPhase' : 'plain'
  return (cached[slot] ??= buildChunkGraph(spec, options))
}

/**
 * Build the graph from a spec model's chunks and the resolved references in
 * `chunk.dependsOn` (`kind: 'chunk'` via `target`, `kind: 'phase'` via the
 * phase number). References to a phase or chunk that does not exist are left
 * out: `depends-on-resolves` reports them.
 */
export function buildChunkGraph(spec: Pick<SpecModel, 'chunks' | 'plan'>, options: GraphOptions = {}): ChunkGraph {
  const chunks = spec.chunks
  const byKey = new Map<string, number>()
  chunks.forEach((chunk, index) => {
    if (!byKey.has(chunk.key)) byKey.set(chunk.key, index)
  })

  // A barrier per phase number, chunkless phases included: `Phase 3` still
  // names a place in the order when phase 3 has no chunks yet.
  const barriers: PhaseBarrier[] = []
  const barrierByNumber = new Map<number, number>()
  const barrierFor = (phaseNumber: number, rank: number): PhaseBarrier => {
    let node = barrierByNumber.get(phaseNumber)
    if (node === undefined) {
      node = chunks.length + barriers.length
      barrierByNumber.set(phaseNumber, node)
      barriers.push({number: phaseNumber, members: [], firstRank: rank, lastRank: rank})
    }
    const barrier = barriers[node - chunks.length] as PhaseBarrier
    barrier.firstRank = Math.min(barrier.firstRank, rank)
    barrier.lastRank = Math.max(barrier.lastRank, rank)
    return barrier
  }
  spec.plan?.phases.forEach((phase, rank) => {
    if (phase.number !== null) barrierFor(phase.number, rank)
  })
  chunks.forEach((chunk, index) => {
    if (chunk.phase !== null) barrierFor(chunk.phase, chunk.phaseIndex).members.push(index)
  })

  const size = chunks.length + barriers.length
  const adjacency: number[][] = []
  const refs: DependencyRef[][] = []
  chunks.forEach((chunk) => {
    const out: number[] = []
    const why: DependencyRef[] = []
    const seen = new Set<number>()
    for (const ref of chunk.dependsOn) {
      if (options.dropOwnPhase && ref.kind === 'phase' && ref.phase !== null && ref.phase === chunk.phase) continue
      const to = targetOf(ref, byKey, barrierByNumber)
      if (to === undefined || seen.has(to)) continue
      seen.add(to)
      out.push(to)
      why.push(ref)
    }
    adjacency.push(out)
    refs.push(why)
  })
  for (const barrier of barriers) {
    adjacency.push(barrier.members.slice())
    refs.push([])
  }

  return {
    chunks,
    barriers,
    size,
    adjacency,
    refs,
    byKey,
    barrierByNumber,
    rank: chunks.map((chunk) => chunk.phaseIndex)
  }
}

function targetOf(ref: DependencyRef, byKey: Map<string, number>, barrierByNumber: Map<number, number>): number | undefined {
  if (ref.kind === 'chunk' && ref.target !== null) return byKey.get(ref.target)
  if (ref.kind === 'phase' && ref.phase !== null) return barrierByNumber.get(ref.phase)
  return undefined
}

/** Whether a node is a chunk (else a phase barrier). */
export function isChunkNode(graph: ChunkGraph, node: number): boolean {
  return node < graph.chunks.length
}

/** A node's label for messages: the chunk key, or `Phase N` for a barrier. */
export function nodeLabel(graph: ChunkGraph, node: number): string {
  if (isChunkNode(graph, node)) return (graph.chunks[node] as Chunk).key
  return `Phase ${(graph.barriers[node - graph.chunks.length] as PhaseBarrier).number}`
}

/** The chunks a `Phase N` reference stands for (empty when there is no such phase). */
export function phaseMembers(graph: ChunkGraph, phaseNumber: number): readonly Chunk[] {
  const node = graph.barrierByNumber.get(phaseNumber)
  if (node === undefined) return []
  return (graph.barriers[node - graph.chunks.length] as PhaseBarrier).members.map((i) => graph.chunks[i] as Chunk)
}

/** Whether the spec has a phase numbered `phaseNumber` (with or without chunks). */
export function hasPhase(phases: readonly Pick<Phase, 'number'>[], phaseNumber: number): boolean {
  return phases.some((phase) => phase.number === phaseNumber)
}

/**
 * Strongly connected components (Tarjan, iterative). Components come out in
 * reverse topological order of the condensation (dependencies first).
 */
export function stronglyConnected(graph: ChunkGraph): number[][] {
  const {size, adjacency} = graph
  const index = new Int32Array(size).fill(-1)
  const low = new Int32Array(size)
  const onStack = new Uint8Array(size)
  const edgeAt = new Int32Array(size)
  const stack: number[] = []
  const call: number[] = []
  const components: number[][] = []
  let counter = 0

  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue
    call.push(root)
    index[root] = low[root] = counter++
    stack.push(root)
    onStack[root] = 1
    while (call.length > 0) {
      const v = call[call.length - 1] as number
      const out = adjacency[v] as readonly number[]
      const at = edgeAt[v] as number
      if (at < out.length) {
        edgeAt[v] = at + 1
        const w = out[at] as number
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          call.push(w)
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number)
        }
        continue
      }
      call.pop()
      const parent = call[call.length - 1]
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number)
      if (low[v] === index[v]) {
        const component: number[] = []
        let w: number
        do {
          w = stack.pop() as number
          onStack[w] = 0
          component.push(w)
        } while (w !== v)
        components.push(component)
      }
    }
  }
  return components
}

/** A dependency cycle: chunk nodes in order, the first repeated at the end is implied. */
export interface Cycle {
  /** Chunk node indices `a, b, c` for the cycle `a → b → c → a` (barriers left out). */
  chunks: number[]
  /** Every node on the cycle, barriers included, in order. */
  nodes: number[]
  /** The reference on each chunk that leads to the next node of the cycle. */
  refs: DependencyRef[]
}

/**
 * One concrete cycle per cyclic component, so that each cycle is reported
 * once however many elementary cycles share its chunks. The cycle starts at
 * the component's first chunk in document order and is a shortest one
 * through it (breadth-first inside the component).
 */
export function findCycles(graph: ChunkGraph): Cycle[] {
  const cycles: Cycle[] = []
  const inComponent = new Int32Array(graph.size).fill(-1)
  const parent = new Int32Array(graph.size).fill(-1)
  const components = stronglyConnected(graph)
  components.forEach((component, id) => {
    for (const node of component) inComponent[node] = id
  })

  components.forEach((component, id) => {
    const chunkNodes = component.filter((node) => isChunkNode(graph, node))
    if (chunkNodes.length === 0) return
    const start = chunkNodes.reduce((a, b) => Math.min(a, b))
    const selfLoop = (graph.adjacency[start] as readonly number[]).includes(start)
    if (component.length === 1 && !selfLoop) return

    // Breadth-first from start, inside the component, until an edge returns to start.
    const queue = [start]
    const visited = new Set<number>([start])
    let last = -1
    for (let head = 0; head < queue.length && last === -1; head++) {
      const v = queue[head] as number
      for (const w of graph.adjacency[v] as readonly number[]) {
        if (inComponent[w] !== id) continue
        if (w === start) {
          last = v
          break
        }
        if (visited.has(w)) continue
        visited.add(w)
        parent[w] = v
        queue.push(w)
      }
    }
    if (last === -1) return
    const nodes: number[] = []
    for (let v = last; v !== start; v = parent[v] as number) nodes.push(v)
    nodes.push(start)
    nodes.reverse()
    const refs: DependencyRef[] = []
    nodes.forEach((node, i) => {
      if (!isChunkNode(graph, node)) return
      const next = nodes[(i + 1) % nodes.length] as number
      const at = (graph.adjacency[node] as readonly number[]).indexOf(next)
      refs.push((graph.refs[node] as readonly DependencyRef[])[at] as DependencyRef)
    })
    cycles.push({chunks: nodes.filter((node) => isChunkNode(graph, node)), nodes, refs})
  })
  cycles.sort((a, b) => (a.chunks[0] as number) - (b.chunks[0] as number))
  return cycles
}

/**
 * Render a cycle as `a → b → c → a` with chunk keys; a phase reference on the
 * way shows as `Phase N` (`a → Phase 2 → b → a`), since that is what was written.
 */
export function formatCycle(graph: ChunkGraph, cycle: Cycle): string {
  const labels = cycle.nodes.map((node) => nodeLabel(graph, node))
  return [...labels, labels[0]].join(' → ')
}

/** A reference to the chunk's own phase as a whole, or to a later phase or a chunk of one. */
export interface ForwardDependency {
  chunk: number
  ref: DependencyRef
  kind: 'own-phase' | 'later-phase' | 'later-chunk'
}

/**
 * Forward dependencies: phases run in document order, so a chunk may only
 * depend on chunks of earlier phases, on chunks of its own phase (they may
 * run in sequence inside it), and on earlier phases as a whole.
 */
export function findForwardDependencies(graph: ChunkGraph): ForwardDependency[] {
  const out: ForwardDependency[] = []
  graph.chunks.forEach((chunk, node) => {
    const own = graph.rank[node] as number
    ;(graph.adjacency[node] as readonly number[]).forEach((to, i) => {
      const ref = (graph.refs[node] as readonly DependencyRef[])[i] as DependencyRef
      if (isChunkNode(graph, to)) {
        if ((graph.rank[to] as number) > own) out.push({chunk: node, ref, kind: 'later-chunk'})
        return
      }
      const barrier = graph.barriers[to - graph.chunks.length] as PhaseBarrier
      if (barrier.number === chunk.phase) {
        out.push({chunk: node, ref, kind: 'own-phase'})
      } else if (barrier.lastRank > own) {
        out.push({chunk: node, ref, kind: 'later-phase'})
      }
    })
  })
  return out
}

/**
 * Chunk nodes in an order where every chunk comes after what it depends on
 * (Kahn's algorithm; ties in document order). Chunks on or behind a cycle are
 * left out and listed in `blocked`.
 */
export function topologicalOrder(graph: ChunkGraph): {order: number[]; blocked: number[]} {
  const {size, adjacency} = graph
  // Count, per node, the dependencies not yet placed; reverse edges to release dependents.
  const pending = new Int32Array(size)
  const dependents: number[][] = Array.from({length: size}, () => [])
  adjacency.forEach((out, v) => {
    pending[v] = out.length
    for (const w of out) (dependents[w] as number[]).push(v)
  })
  const heap = new MinHeap()
  for (let v = 0; v < size; v++) if (pending[v] === 0) heap.push(v)
  const order: number[] = []
  const placed = new Uint8Array(size)
  while (heap.size > 0) {
    const v = heap.pop()
    placed[v] = 1
    if (isChunkNode(graph, v)) order.push(v)
    for (const dependent of dependents[v] as number[]) {
      const left = (pending[dependent] as number) - 1
      pending[dependent] = left
      if (left === 0) heap.push(dependent)
    }
  }
  const blocked: number[] = []
  for (let v = 0; v < graph.chunks.length; v++) if (!placed[v]) blocked.push(v)
  return {order, blocked}
}

/** A binary min-heap of node indices (document order breaks ties in the topological order). */
class MinHeap {
  private items: number[] = []

  get size(): number {
    return this.items.length
  }

  push(value: number): void {
    const items = this.items
    items.push(value)
    let i = items.length - 1
    while (i > 0) {
      const up = (i - 1) >> 1
      if ((items[up] as number) <= value) break
      items[i] = items[up] as number
      i = up
    }
    items[i] = value
  }

  pop(): number {
    const items = this.items
    const top = items[0] as number
    const last = items.pop() as number
    if (items.length > 0) {
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        if (left >= items.length) break
        const right = left + 1
        const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left
        if ((items[child] as number) >= last) break
        items[i] = items[child] as number
        i = child
      }
      items[i] = last
    }
    return top
  }
}
