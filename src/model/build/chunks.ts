import {normalizeTitle, slugify, splitChunkId} from '../text.js'
import type {Chunk, ChunkDetail, ChunkRow, Phase} from '../schema.js'
import {mergeRefs} from './dependencies.js'
import {splitList} from './streams.js'

/* A phase's table rows and checklist items paired into chunks. */

/** Positions of each value, first last, so the first unused one is popped from the end. */
export function indexOf(values: Array<string | null>): Map<string, number[]> {
  const index = new Map<string, number[]>()
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i]
    if (value === null || value === undefined) continue
    const list = index.get(value)
    if (list) list.push(i)
    else index.set(value, [i])
  }
  return index
}

type Pair = {row: ChunkRow | null; detail: ChunkDetail | null}

/** A phase's chunks: each row paired with its checklist item, then the items no row names. */
export function mergeChunks(phase: Phase, phaseIndex: number): Chunk[] {
  return pairRows(phase).map((pair) => chunkOf(phase, phaseIndex, pair))
}

function pairRows(phase: Phase): Pair[] {
  const used = new Set<number>()
  const normDetails = phase.details.map((d) => normalizeTitle(d.title))
  // Exact matches through an index, so a phase with thousands of chunks stays linear.
  const byNorm = indexOf(normDetails)
  const byId = indexOf(phase.details.map((d) => splitChunkId(d.title).id))
  const firstUnused = (index: Map<string, number[]>, key: string): number => {
    const list = index.get(key)
    if (!list) return -1
    // `used` only grows, so indices skipped here are never wanted again.
    while (list.length > 0 && used.has(list[list.length - 1] as number)) list.pop()
    return list.length > 0 ? (list[list.length - 1] as number) : -1
  }
  const findDetail = (row: ChunkRow): number => {
    const norm = normalizeTitle(row.title)
    const id = splitChunkId(row.title).id
    let found = norm === '' ? -1 : firstUnused(byNorm, norm)
    if (found < 0 && id) found = firstUnused(byId, id)
    if (found < 0 && norm) {
      // A title that extends the other's (`Login and register` ↔ `… endpoints`).
      found = normDetails.findIndex((d, i) => !used.has(i) && d !== '' && (d.startsWith(`${norm} `) || norm.startsWith(`${d} `)))
    }
    return found
  }
  const pairs: Pair[] = []
  for (const row of phase.rows) {
    const index = findDetail(row)
    if (index >= 0) used.add(index)
    pairs.push({row, detail: index >= 0 ? (phase.details[index] as ChunkDetail) : null})
  }
  phase.details.forEach((detail, index) => {
    if (!used.has(index)) pairs.push({row: null, detail})
  })
  return pairs
}

function chunkOf(phase: Phase, phaseIndex: number, {row, detail}: Pair): Chunk {
  const title = detail?.title || row?.title || ''
  const split = splitChunkId(title)
  // `**C0.1** New Next.js app …`: the bold part is only an id; the text names the chunk.
  const idOnly = split.id !== null && split.rest === ''
  const shownTitle = (idOnly && detail?.note ? firstClause(detail.note) : split.rest) || title
  // The whole text: an id-only item's text, else the title and what follows it.
  const text = !detail ? shownTitle : idOnly ? detail.note || shownTitle : [shownTitle, detail.note].filter(Boolean).join(' — ')
  return {
    key: '',
    id: split.id ?? (row ? splitChunkId(row.title).id : null),
    title: shownTitle,
    text,
    slug: slugify(title),
    phase: phase.number,
    phaseIndex,
    issueId: detail?.issueId?.value ?? null,
    checked: detail?.checked ?? null,
    stream: detail?.stream?.value || row?.stream || null,
    outcome: detail?.outcome?.value ?? row?.outcome ?? null,
    skills: detail?.skills ? splitList(detail.skills.value) : null,
    dependsOn: mergeRefs(row?.dependsOn?.refs ?? [], detail?.dependsOn?.refs ?? []),
    subtasks: detail?.subtasks.map((s) => s.text) ?? [],
    row,
    detail
  }
}

/**
 * The first sentence of a chunk's text, to name a chunk whose bold part is
 * only its id: it ends at `. ` or ` — ` outside parentheses, never at a `;`
 * or a line break.
 */
export function firstClause(text: string): string {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '(' || char === '[') depth++
    else if ((char === ')' || char === ']') && depth > 0) depth--
    else if (depth === 0 && char === '.' && (i === text.length - 1 || /\s/.test(text[i + 1] ?? ''))) return text.slice(0, i).trim()
    else if (depth === 0 && (char === '—' || char === '–') && text[i - 1] === ' ' && text[i + 1] === ' ') return text.slice(0, i).trim()
  }
  return text.trim()
}
