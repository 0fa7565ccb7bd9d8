import {refIdentity} from '../plan-queries.js'
import {plainValue} from '../text.js'
import type {Chunk, DependencyRef, DependsOn, Position} from '../schema.js'
import {chunkIndex} from '../chunk-refs.js'
import type {ChunkIndex} from '../chunk-refs.js'
import {range} from './context.js'
import {originalRefs} from './reuse.js'
import type {Ctx} from './context.js'
import type {ModelReuse} from './reuse.js'

/* Depends On values: split into references, resolved to phases and chunks, merged from row and detail. */

/** Split a Depends On value into references at `+`, `,`, `&` and `and`. */
export function dependsFrom(ctx: Ctx, raw: string, base: number, position: Position): DependsOn {
  const refs: DependencyRef[] = []
  const separator = /\s*(?:\+|,|&|\band\b)\s*/gi
  let last = 0
  const push = (start: number, end: number) => {
    const part = raw.slice(start, end)
    const lead = part.length - part.trimStart().length
    const text = plainValue(part)
    if (!text && part.trim() === '') return
    const from = base + start + lead
    refs.push({text, kind: 'unknown', phase: null, target: null, position: range(ctx, from, from + part.trim().length)})
  }
  let match: RegExpExecArray | null
  while ((match = separator.exec(raw))) {
    if (match[0].length === 0) {
      separator.lastIndex++
      continue
    }
    push(last, match.index)
    last = match.index + match[0].length
  }
  push(last, raw.length)
  return {raw, refs, position}
}

/** What a chunk's key and the names it answers to are computed from (see `chunkNames`). */
function nameInputs(chunks: readonly Chunk[]): Array<string | number | null | undefined> {
  const names: Array<string | number | null | undefined> = []
  for (const chunk of chunks) names.push(chunk.id, chunk.slug, chunk.title, chunk.row?.title, chunk.detail?.title, chunk.phase, chunk.phaseIndex)
  return names
}

function sameInputs(a: ReadonlyArray<string | number | null | undefined>, b: ReadonlyArray<string | number | null | undefined>): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

function assignKeys(chunks: readonly Chunk[]): string[] {
  const keys = new Set<string>()
  // The next suffix to try per base key: thousands of same-named chunks stay linear.
  const suffixes = new Map<string, number>()
  for (const chunk of chunks) {
    let key = chunk.id ?? (chunk.slug || `chunk-${chunk.phaseIndex + 1}`)
    if (keys.has(key)) {
      const base = key
      let n = suffixes.get(base) ?? 2
      while (keys.has(`${base}-${n}`)) n++
      suffixes.set(base, n + 1)
      key = `${base}-${n}`
    }
    keys.add(key)
    chunk.key = key
  }
  return chunks.map((chunk) => chunk.key)
}

/**
 * Give every chunk its key and resolve each Depends On against the chunks.
 * With `reuse`, when no chunk's name changed since the last build, the keys
 * and the index are the last build's, and a chunk taken over from it keeps
 * its resolved references: a keystroke resolves the chunks it touched.
 */
export function resolveDependencies(chunks: Chunk[], reuse?: ModelReuse): void {
  const names = nameInputs(chunks)
  const last = reuse?.resolved
  const same = last !== undefined && sameInputs(last.names, names)
  let index: ChunkIndex
  let keys: readonly string[]
  if (same) {
    keys = last.keys
    chunks.forEach((chunk, position) => (chunk.key = keys[position] as string))
    index = last.index
  } else {
    keys = assignKeys(chunks)
    index = chunkIndex(chunks)
  }

  const lookup = (text: string): Omit<DependencyRef, 'text' | 'position'> | null => {
    const t = text.trim()
    if (t === '' || /^(?:[—–-]+|none|n\/a|na)$/i.test(t)) return {kind: 'none', phase: null, target: null}
    const phase = /^phase\s+(\d+)$/i.exec(t)
    if (phase) return {kind: 'phase', phase: Number(phase[1]), target: null}
    const chunk = index.resolve(t)
    if (chunk) return {kind: 'chunk', phase: chunk.phase, target: chunk.key}
    return null
  }

  for (const chunk of chunks) {
    if (same && last.chunks.has(chunk)) continue
    for (const source of [chunk.row?.dependsOn, chunk.detail?.dependsOn]) {
      if (!source) continue
      source.refs = joinRefs(originalRefs(source), lookup)
    }
    chunk.dependsOn = mergeRefs(chunk.row?.dependsOn?.refs ?? [], chunk.detail?.dependsOn?.refs ?? [])
  }
  if (reuse) reuse.resolved = {names, keys, index, chunks: new WeakSet(chunks)}
}

/** The row's references, then the detail's that the row does not already name. */
export function mergeRefs(row: DependencyRef[], detail: DependencyRef[]): DependencyRef[] {
  const seen = new Set<string>()
  const out: DependencyRef[] = []
  for (const ref of [...row, ...detail]) {
    const identity = refIdentity(ref)
    if (seen.has(identity)) continue
    seen.add(identity)
    out.push(ref)
  }
  // `—` beside a real dependency says nothing.
  return out.length > 1 ? out.filter((ref) => ref.kind !== 'none') : out
}

/** The most Depends On parts one chunk title may span when re-joined. */
export const maxJoinedParts = 8

/**
 * Re-join split parts greedily, longest first, so that a title containing a
 * separator (`User model + token model`) resolves as one reference.
 */
export function joinRefs(parts: DependencyRef[], lookup: (text: string) => Omit<DependencyRef, 'text' | 'position'> | null): DependencyRef[] {
  const out: DependencyRef[] = []
  let i = 0
  while (i < parts.length) {
    let done = false
    // A title spans a few separators at most; the cap keeps a hostile cell linear.
    for (let j = Math.min(parts.length, i + maxJoinedParts); j > i + 1; j--) {
      const first = parts[i] as DependencyRef
      const last = parts[j - 1] as DependencyRef
      const joinedText = joinedSource(parts.slice(i, j))
      const hit = lookup(joinedText)
      if (hit && hit.kind === 'chunk') {
        out.push({text: joinedText, ...hit, position: {start: first.position.start, end: last.position.end}})
        i = j
        done = true
        break
      }
    }
    if (done) continue
    const part = parts[i] as DependencyRef
    const hit = lookup(part.text)
    out.push(hit ? {...part, ...hit} : part)
    i++
  }
  return out
}

export function joinedSource(parts: DependencyRef[]): string {
  // Separators are not kept in parts; `+` is the canonical join for lookup
  // because normalizeTitle treats `+`, `&` and `and` alike.
  return parts.map((p) => p.text).join(' + ')
}
