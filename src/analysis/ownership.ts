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
  /** A literal path to one file rather than a folder. */
  file: boolean
  matches: (path: string) => boolean
  sortKey: string
}

function normalize(pattern: string): string {
  return pattern
    .trim()
    .replace(/^\.\//, '')
    .replace(/\/{2,}/g, '/')
}

function entryOf<T>(item: OwnedPattern<T>, index: number): Entry<T> | null {
  const pattern = normalize(item.pattern)
  if (pattern === '' || pattern.startsWith('!')) return null
  const scan = picomatch.scan(pattern)
  const base = scan.base.replace(/\/+$/, '')
  const matcher = scan.isGlob ? picomatch(pattern, {dot: true}) : null
  // A literal path owns everything under it, unless it names a file (`src/auth/utils.py`).
  const last = base.slice(base.lastIndexOf('/') + 1)
  const file = !scan.isGlob && !pattern.endsWith('/') && /.\.[A-Za-z0-9]+$/.test(last)
  return {
    item,
    index,
    base,
    glob: scan.isGlob ? scan.glob : '',
    isGlob: scan.isGlob,
    file,
    matches: matcher ?? (file ? (path) => path === base : (path) => path === base || path.startsWith(`${base}/`)),
    // Segments joined by NUL so that a folder's descendants sort right after it (`src/a` before `src-b`).
    sortKey: base.split('/').join('\u0000')
  }
}

function contains(ancestor: string, path: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}/`)
}

/** Fill a glob's wildcards with concrete text; `globstar` stands for a globstar folder. */
function fill(text: string, globstar: string): string {
  return text
    .replace(/\{([^,{}]*)[^{}]*\}/g, '$1')
    .replace(/\[!?\^?([^\]])[^\]]*\]/g, '$1')
    .replace(/\*\*\//g, globstar)
    .replace(/\*\*/g, 'x')
    .replace(/\*/g, 'x')
    .replace(/\?/g, 'x')
    .replace(/[@!+]\(([^|)]*)[^)]*\)/g, '$1')
}

/** Concrete folders and file names a pattern can match, to build probes from. */
function parts<T>(entry: Entry<T>): {dirs: string[]; files: string[]; whole: string[]} {
  if (!entry.isGlob) {
    const dir = entry.file ? entry.base.slice(0, Math.max(0, entry.base.lastIndexOf('/'))) : entry.base
    return {dirs: [dir], files: entry.file ? [entry.base.slice(entry.base.lastIndexOf('/') + 1)] : [], whole: [entry.base]}
  }
  const pattern = entry.base === '' ? entry.glob : `${entry.base}/${entry.glob}`
  const slash = pattern.lastIndexOf('/')
  const dir = slash === -1 ? '' : pattern.slice(0, slash)
  const file = slash === -1 ? pattern : pattern.slice(slash + 1)
  const dirs = new Set([fill(dir, ''), fill(dir, 'x/'), fill(`${dir}/`, 'x/').replace(/\/$/, '')].map((d) => d.replace(/\/+$/, '')))
  return {dirs: [...dirs], files: [fill(file, 'x')], whole: []}
}

function overlaps<T>(a: Entry<T>, b: Entry<T>): boolean {
  // Two literal paths with one base inside the other: a folder and its content, or the same path.
  if (!a.isGlob && !b.isGlob) return a.matches(b.base) || b.matches(a.base)
  // Probe both matchers with paths built from either side's folders and file names
  // (`src/*/models.ts` and `src/{api,models}/*.ts` meet at `src/api/models.ts`).
  const pa = parts(a)
  const pb = parts(b)
  const probes = new Set<string>([...pa.whole, ...pb.whole])
  const files = [...pa.files, ...pb.files, 'x']
  for (const dir of [...pa.dirs, ...pb.dirs]) {
    for (const file of files) probes.add(dir === '' ? file : `${dir}/${file}`)
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

/** Whether an owned path or glob covers a concrete path (a folder covers what is inside it). */
export function covers(pattern: string, path: string): boolean {
  const entry = entryOf({pattern, owner: null}, 0)
  if (!entry) return false
  const target = normalize(path).replace(/\/+$/, '')
  if (entry.matches(target)) return true
  // A literal folder named as `src/api/` also covers `src/api`.
  return !entry.isGlob && !entry.file && target === entry.base
}
