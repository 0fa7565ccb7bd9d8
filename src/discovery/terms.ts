const stopwords = new Set(
  (
    'a an and or the of to in on for with without by from at as is are be been being it its this that these those ' +
    'we our us you your they their them he she his her i me my not no nor but if then than so such via per into onto ' +
    'over under about after before all any each every some more most other only own same too very can could should ' +
    'would will shall may might must do does did done has have had what which who whom when where why how also just ' +
    'off out up down new use using used e g eg ie etc vs one two three'
  ).split(' ')
)

/**
 * A light stemmer: strip a plural or verb ending, then keep six letters, so
 * `queries`/`query`, `saved`/`save`, `schedules`/`schedule` and
 * `rendering`/`render` meet. Crude by design: it only has to match an item's
 * words with the spec's, not to be linguistics.
 */
export function stem(word: string): string {
  let w = word.toLowerCase()
  if (w.length > 4) {
    if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`
    else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3)
    else if (w.endsWith('ed')) w = w.slice(0, -2)
    else if (w.endsWith('es')) w = w.slice(0, -2)
    else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1)
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1)
  return w.slice(0, 6)
}

export function words(text: string): string[] {
  return text
    .replace(/`[^`]*`/g, (code) => ` ${code.slice(1, -1)} `)
    .toLowerCase()
    .split(/[^\p{L}\p{N}£$€]+/u)
    .filter((w) => w !== '')
}

/** The key terms of an item: its words minus stop words, parentheticals and one-letter noise, stemmed. */
export function keyTerms(text: string): string[] {
  const plain = text.replace(/\([^)]*\)/g, ' ')
  const terms = new Set<string>()
  for (const word of words(plain)) {
    if (word.length < 3 && !/\d/.test(word)) continue
    if (stopwords.has(word)) continue
    terms.add(stem(word))
  }
  return [...terms]
}

const negations = new Set(['no', 'not', 'never', 'without', 'excluding', 'except', 'nor', 'avoid', 'don', 'doesn', 'won'])

/**
 * The stems of a text's words, leaving out words within three of a negation
 * (`no user accounts` does not make `user accounts` a requirement).
 */
export function affirmedStems(text: string): Set<string> {
  const all = words(text)
  const out = new Set<string>()
  let lastNegation = -10
  all.forEach((word, index) => {
    if (negations.has(word)) lastNegation = index
    else if (index - lastNegation > 3) out.add(stem(word))
  })
  return out
}

export function stemsOf(text: string): Set<string> {
  return new Set(words(text).map(stem))
}

/** How many of `terms` occur in `stems`. */
export function matched(terms: readonly string[], stems: ReadonlySet<string>): number {
  return terms.filter((term) => stems.has(term)).length
}

/** Covered when at least half the key terms (rounded up) occur; an item without terms cannot be judged and counts as covered. */
export function covers(terms: readonly string[], stems: ReadonlySet<string>): boolean {
  return terms.length === 0 || matched(terms, stems) >= Math.ceil(terms.length / 2)
}

/** Compare reference paths loosely: `./a/b/` equals `a/b`, `/home/me/a` equals `~/a`, and a path matches a longer one that ends with it. */
export function samePath(a: string, b: string): boolean {
  // A home folder written out (`/Users/me/x`) is the same file as `~/x`, as `init` writes it.
  const norm = (p: string) =>
    p
      .trim()
      .replace(/^(?:\/Users\/[^/]+|\/home\/[^/]+)(?=\/|$)/, '~')
      .replace(/^\.\//, '')
      .replace(/\/+$/, '')
  const x = norm(a)
  const y = norm(b)
  if (x === '' || y === '') return false
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`)
}
