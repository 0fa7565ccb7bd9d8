/**
 * Memoised pure text functions. The language server lints the whole
 * document on every keystroke, and most of its text did not change: a
 * bounded cache keyed by the text makes the unchanged sentences free, so
 * the cost of a run follows what changed rather than the document's size.
 * The cache is dropped whole when full, which keeps it simple and bounded.
 *
 * How many texts each cache holds depends on who runs: a command-line run
 * over many files seldom sees a text twice, so its caches stay small (they
 * cost memory in every worker and win nothing); the language server, which
 * sees the same 5,000-line spec on every keystroke, raises the bound with
 * `setMemoCapacity` before its first lint.
 */
const capacity = {texts: 1_000}

/** How many texts each memo keeps from now on (`memoText` without its own limit, `blockMemo`). */
export function setMemoCapacity(texts: number): void {
  capacity.texts = Math.max(1, Math.floor(texts))
}

export function memoCapacity(): number {
  return capacity.texts
}

export function memoText<T>(fn: (text: string) => T, limit?: number): (text: string) => T {
  let cache = new Map<string, T>()
  return (text) => {
    const known = cache.get(text)
    if (known !== undefined || cache.has(text)) return known as T
    const value = fn(text)
    if (cache.size >= (limit ?? capacity.texts)) cache = new Map()
    cache.set(text, value)
    return value
  }
}

/**
 * One memoised function per options value: `options` is compared by
 * identity, then by its JSON (rule options are parsed once per run, but
 * each run may parse a new object with the same content).
 */
export function memoByOptions<O, T>(make: (options: O) => (text: string) => T, limit = 16): (options: O) => (text: string) => T {
  const byIdentity = new WeakMap<object, (text: string) => T>()
  let byContent = new Map<string, (text: string) => T>()
  return (options) => {
    const object = typeof options === 'object' && options !== null ? options : undefined
    const known = object ? byIdentity.get(object) : undefined
    if (known) return known
    const key = JSON.stringify(options) ?? ''
    let fn = byContent.get(key)
    if (!fn) {
      fn = memoText(make(options))
      if (byContent.size >= limit) byContent = new Map()
      byContent.set(key, fn)
    }
    if (object) byIdentity.set(object, fn)
    return fn
  }
}
