import type {Chunk} from './schema.js'
import {normalizeTitle, slugify} from './text.js'

/*
 * How a chunk is referred to: by id (`C2`), key, slug or title (the row's
 * or the checklist item's). `Depends On` resolves through this index, and so
 * do the commands that edit a chunk (`done`, `link`, …): one resolver.
 */

export interface ChunkIndex {
  /** The chunk a reference names; the first such chunk when several share the name (as `Depends On` reads it). */
  resolve(text: string): Chunk | undefined
  /** Every chunk a reference names, in document order: more than one is ambiguous. */
  candidates(text: string): Chunk[]
}

/** The names a chunk answers to. */
export function chunkNames(chunk: Chunk): string[] {
  const names = [chunk.id, chunk.key, chunk.slug, chunk.title, chunk.row?.title, chunk.detail?.title]
  if (chunk.row?.title) names.push(slugify(chunk.row.title))
  return names.filter((name): name is string => Boolean(name))
}

function lookupKeys(name: string): string[] {
  const keys = [normalizeTitle(name), name.trim().toLowerCase()]
  return keys.filter((key, index) => key !== '' && keys.indexOf(key) === index)
}

export function chunkIndex(chunks: readonly Chunk[]): ChunkIndex {
  const byName = new Map<string, Chunk[]>()
  for (const chunk of chunks) {
    for (const name of chunkNames(chunk)) {
      for (const key of lookupKeys(name)) {
        const list = byName.get(key)
        if (!list) byName.set(key, [chunk])
        else if (!list.includes(chunk)) list.push(chunk)
      }
    }
  }
  const hits = (text: string): Chunk[][] => {
    const t = text.trim()
    return [byName.get(normalizeTitle(t)), byName.get(t.toLowerCase())].filter((list): list is Chunk[] => list !== undefined)
  }
  return {
    resolve(text) {
      return hits(text)[0]?.[0]
    },
    candidates(text) {
      // An exact key or id wins outright: `C2` is never ambiguous with a chunk titled `C2 …`.
      const exact = chunks.filter((chunk) => chunk.key === text.trim() || chunk.id === text.trim())
      if (exact.length === 1) return exact
      const found: Chunk[] = []
      for (const list of hits(text)) for (const chunk of list) if (!found.includes(chunk)) found.push(chunk)
      return chunks.filter((chunk) => found.includes(chunk))
    }
  }
}
