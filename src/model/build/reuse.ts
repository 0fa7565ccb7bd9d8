import type {Chunk, DependencyRef, DependsOn, Phase} from '../schema.js'
import type {ChunkIndex} from '../chunk-refs.js'

/*
 * Reuse of phase models between two builds of the same document (the
 * language server rebuilds the model on every keystroke, and an edit
 * touches one phase of hundreds). A phase whose source text and place in
 * the plan are unchanged is taken over from the previous build and moved to
 * its new place instead of being read again.
 *
 * Phase models hold only plain data and positions that are points in the
 * phase's own text, so moving one is adding a line and an offset delta to
 * every point in it (columns stay: a phase starts at the start of a line).
 * The previous build's model is given up: its phases now belong to the new
 * one.
 */

export interface ModelReuse {
  /** The phases of the last build, by key. */
  previous: Map<string, PlacedPhase>
  /** The phases of the build under way. */
  next: Map<string, PlacedPhase>
  /** How the last build resolved chunk keys and Depends On (see `resolveDependencies`). */
  resolved?: ResolvedChunks
}

export interface ResolvedChunks {
  /** What every chunk's key and names were computed from, chunk after chunk. */
  names: ReadonlyArray<string | number | null | undefined>
  keys: readonly string[]
  index: ChunkIndex
  /** The chunks whose Depends On was resolved against `index`. */
  chunks: WeakSet<Chunk>
}

interface PlacedPhase {
  phase: Phase
  offset: number
  line: number
  /** Every point in the phase, each once: found on its first move, the same list after (a phase taken over is not rebuilt). */
  points?: Point[]
}

interface Point {
  line: number
  column: number
  offset: number
}

/** The state a caller keeps per document and passes to every build of it. */
export function createModelReuse(): ModelReuse {
  return {previous: new Map(), next: new Map()}
}

/*
 * Depends On references as read from the source, before they were resolved
 * against the chunks: resolving replaces `refs`, and a phase taken over must
 * be resolved again from what its text says, against the new chunk list.
 */
const readRefs = new WeakMap<DependsOn, DependencyRef[]>()

/** The references a Depends On value was read with. */
export function originalRefs(dependsOn: DependsOn): DependencyRef[] {
  let refs = readRefs.get(dependsOn)
  if (!refs) {
    refs = dependsOn.refs
    readRefs.set(dependsOn, refs)
  }
  return refs
}

/** The phase read from exactly this text at this place in the plan last time, moved to `offset` and `line`; undefined when there is none. */
export function takePhase(reuse: ModelReuse, key: string, offset: number, line: number): Phase | undefined {
  const placed = reuse.previous.get(key)
  if (!placed) return undefined
  reuse.previous.delete(key)
  const points = placed.points ?? pointsOf(placed.phase)
  const lines = line - placed.line
  const shift = offset - placed.offset
  if (lines !== 0 || shift !== 0) {
    for (const point of points) {
      point.line += lines
      point.offset += shift
    }
  }
  reuse.next.set(key, {phase: placed.phase, offset, line, points})
  return placed.phase
}

/** Keep a phase read in this build, its points listed now: otherwise the first edit after a full build lists every later phase's. */
export function keepPhase(reuse: ModelReuse, key: string, phase: Phase, offset: number, line: number): void {
  reuse.next.set(key, {phase, offset, line, points: pointsOf(phase)})
}

/** End a build: what it kept is what the next one may take. */
export function endBuild(reuse: ModelReuse): void {
  reuse.previous = reuse.next
  reuse.next = new Map()
}

function isPoint(value: object): value is Point {
  return 'line' in value && 'column' in value && 'offset' in value && typeof (value as {line: unknown}).line === 'number'
}

/** Every point reachable from `root`, each once (points are shared between a row, its chunk and its references). */
function pointsOf(root: object): Point[] {
  const points: Point[] = []
  const seen = new Set<object>()
  const stack: object[] = [root]
  while (stack.length > 0) {
    const value = stack.pop() as object
    if (seen.has(value)) continue
    seen.add(value)
    if (isPoint(value)) {
      points.push(value)
      continue
    }
    const refs = readRefs.get(value as DependsOn)
    if (refs) stack.push(refs)
    const record = value as Record<string, unknown>
    for (const key in record) {
      const child = record[key]
      if (typeof child === 'object' && child !== null) stack.push(child)
    }
  }
  return points
}
