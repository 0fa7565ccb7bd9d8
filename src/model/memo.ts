/**
 * Memoised pure text functions. The language server lints the whole
 * document on every keystroke, and most of its text did not change: a
 * bounded cache keyed by the text makes the unchanged sentences free, so
 * the cost of a run follows what changed rather than the document's size.
 * The cache is dropped whole when full, which keeps it simple and bounded:
 * 10,000 texts hold a 5,000-line spec's sentences, and in a run over
 * thousands of files (where texts seldom repeat) memory stays flat.
 */
export function memoText<T>(fn: (text: string) => T, limit = 10_000): (text: string) => T {
  let cache = new Map<string, T>()
  return (text) => {
    const known = cache.get(text)
    if (known !== undefined || cache.has(text)) return known as T
    const value = fn(text)
    if (cache.size >= limit) cache = new Map()
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
