import type {PathPattern, SpecModel, Stream} from '../model/schema.js'
import {isPlaceholder} from '../model/vocabulary.js'
import {covers, ownershipConflicts, type OwnedPattern} from './ownership.js'

/*
 * Who owns what in a spec's Work Streams, computed once per model and shared
 * by the rules that ask (`stream-ownership-conflict`, `ownership-crossing`).
 */

export interface Owner {
  stream: Stream
  path: PathPattern
}

export interface StreamOwnership {
  items: ReadonlyArray<OwnedPattern<Owner>>
  /** Pairs of patterns of different streams that can name a common file. */
  conflicts: ReadonlyArray<readonly [OwnedPattern<Owner>, OwnedPattern<Owner>]>
  /** The owned patterns that cover a concrete path. */
  ownersOf(path: string): Owner[]
}

const cache = new WeakMap<SpecModel, StreamOwnership>()

const sameStream = (a: Owner, b: Owner) => a.stream === b.stream || (a.stream.name !== '' && a.stream.name === b.stream.name)

export function streamOwnership(spec: SpecModel): StreamOwnership {
  const cached = cache.get(spec)
  if (cached) return cached
  const items: Array<OwnedPattern<Owner>> = []
  for (const stream of spec.plan?.workStreams?.streams ?? []) {
    for (const path of stream.owns) {
      // A template placeholder (`[files this stream owns]`) is no-placeholders' finding, not a glob.
      if (isPlaceholder(path.pattern)) continue
      items.push({pattern: path.pattern, owner: {stream, path}})
    }
  }
  let conflicts: StreamOwnership['conflicts'] | undefined
  const ownership: StreamOwnership = {
    items,
    get conflicts() {
      return (conflicts ??= ownershipConflicts(items, sameStream))
    },
    ownersOf(path) {
      return items.filter((item) => covers(item.pattern, path)).map((item) => item.owner)
    }
  }
  cache.set(spec, ownership)
  return ownership
}
