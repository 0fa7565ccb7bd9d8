import picomatch from 'picomatch'

/*
 * Whether two owned paths or globs can name a common file. Matching is
 * picomatch's; this module only chooses which pairs to ask about and which
 * concrete paths to ask with. A pair is only a candidate when one literal
 * base (`src/api` of `src/api/**`) contains the other, so sorting the bases
 * and sweeping them with a stack of open ancestors finds every candidate in
 * O(n log n + pairs).
 */

export interface OwnedPattern<T> {
  pattern: string
  owner: T
}

interface Entry<T> {
  item: OwnedPattern<T>
  index: number
  base: string
  glob: string
  isGlob: boolean
  matches: (path: string) => boolean
  sortKey: string
}

function normalize(pattern: string): string {
  return pattern.trim().replace(/^\.\//, '').replace(/\/{2,}/g, '/')
}

function entryOf<T>(item: OwnedPattern<T>, index: number): Entry<T> | null {
  const pattern = normalize(item.pattern)
  if (pattern === '' || pattern.startsWith('!')) return null
  const scan = picomatch.scan(pattern)
  const base = scan.base.replace(/\/+$/, '')
  const matcher = scan.isGlob ? picomatch(pattern, {dot: true}) : null
  return {
    item,
    index,
    base,
    glob: scan.isGlob ? scan.glob : '',
    isGlob: scan.isGlob,
    // A literal path owns itself and everything under it (`src/api` is a folder or a file).
    matches: matcher ?? ((path) => path === base || path.startsWith(`${base}/`)),
    // Segments joined by NUL so that a folder's descendants sort right after it (`src/a` before `src-b`).
    sortKey: base.split('/').join('\u0000')
  }
}

function contains(ancestor: string, path: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}/`)
}

/** Concrete paths a glob tail can match: wildcards filled in, with and without a folder for `**`. */
function samples(glob: string): string[] {
  const fill = (text: string, globstar: string) =>
    text
      .replace(/\{([^,{}]*)[^{}]*\}/g, '$1')
      .replace(/\[!?\^?([^\]])[^\]]*\]/g, '$1')
      .replace(/\*\*\//g, globstar)
      .replace(/\*\*/g, 'x')
      .replace(/\*/g, 'x')
      .replace(/\?/g, 'x')
      .replace(/[@!+]\(([^|)]*)[^)]*\)/g, '$1')
  const out = new Set([fill(glob, ''), fill(glob, 'x/')])
  if (glob === '') out.add('x')
  return [...out].filter(Boolean)
}

function overlaps<T>(a: Entry<T>, b: Entry<T>): boolean {
  // Two literal paths with one base inside the other: a folder and its content, or the same path.
  if (!a.isGlob && !b.isGlob) return true
  // Probe each side with concrete paths under the deeper base.
  const deeper = a.base.length >= b.base.length ? a.base : b.base
  const under = (tail: string) => (deeper === '' ? tail : `${deeper}/${tail}`)
  const probes = new Set<string>([deeper])
  for (const entry of [a, b]) {
    if (!entry.isGlob) {
      probes.add(entry.base)
      continue
    }
    for (const sample of samples(entry.glob)) {
      probes.add(entry.base === '' ? sample : `${entry.base}/${sample}`)
      probes.add(under(sample))
      const last = sample.split('/').pop() ?? sample
      probes.add(under(last))
    }
  }
  for (const probe of probes) if (a.matches(probe) && b.matches(probe)) return true
  return false
}

/**
 * Every pair of patterns with different owners that can name a common file,
 * each pair once, the earlier pattern (by input order) first.
 */
export function ownershipConflicts<T>(
  items: readonly OwnedPattern<T>[],
  sameOwner: (a: T, b: T) => boolean = (a, b) => a === b
): Array<[OwnedPattern<T>, OwnedPattern<T>]> {
  const entries = items.map((item, index) => entryOf(item, index)).filter((e): e is Entry<T> => e !== null)
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.index - b.index))
  const open: Entry<T>[] = []
  const out: Array<[Entry<T>, Entry<T>]> = []
  for (const entry of entries) {
    while (open.length > 0 && !contains((open[open.length - 1] as Entry<T>).base, entry.base)) open.pop()
    for (const other of open) {
      if (sameOwner(other.item.owner, entry.item.owner)) continue
      if (overlaps(other, entry)) out.push(other.index < entry.index ? [other, entry] : [entry, other])
    }
    open.push(entry)
  }
  out.sort((x, y) => x[1].index - y[1].index || x[0].index - y[0].index)
  return out.map(([x, y]) => [x.item, y.item])
}
