import {stemmer} from 'stemmer'
import {memoText} from '../model/memo.js'

/*
 * The words the lexical match compares: lower case, accents folded, split on
 * anything that is not a letter or digit, stop words and single characters
 * dropped, then Porter-stemmed (`hashed`, `hashing` → `hash`). One pass of
 * linear regular expressions per text.
 */

/** English function words, and words every requirement and chunk of a spec uses. */
export const stopWords: ReadonlySet<string> = new Set([
  // function words
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'with',
  'without',
  'from',
  'into',
  'onto',
  'over',
  'under',
  'about',
  'after',
  'before',
  'during',
  'within',
  'between',
  'through',
  'per',
  'via',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'having',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'there',
  'their',
  'them',
  'they',
  'we',
  'our',
  'us',
  'you',
  'your',
  'he',
  'she',
  'his',
  'her',
  'me',
  'my',
  'not',
  'no',
  'yes',
  'all',
  'any',
  'each',
  'every',
  'some',
  'such',
  'than',
  'then',
  'so',
  'too',
  'very',
  'can',
  'cannot',
  'could',
  'should',
  'would',
  'may',
  'might',
  'must',
  'shall',
  'will',
  'just',
  'only',
  'also',
  'both',
  'either',
  'neither',
  'one',
  'own',
  'same',
  'other',
  'others',
  'more',
  'most',
  'less',
  'few',
  'many',
  'much',
  'if',
  'when',
  'where',
  'while',
  'which',
  'who',
  'whom',
  'whose',
  'what',
  'how',
  'why',
  'up',
  'down',
  'out',
  'off',
  'again',
  'once',
  'here',
  'etc',
  'eg',
  'ie',
  'e',
  'g',
  'i',
  'vs',
  'least',
  'until',
  'whether',
  'because',
  // the people every requirement is for
  'user',
  'users',
  'person',
  'people',
  'someone',
  'anyone',
  'everyone',
  // the format's own words and the verbs of any task
  'spec',
  'requirement',
  'requirements',
  'chunk',
  'chunks',
  'phase',
  'phases',
  'stream',
  'streams',
  'outcome',
  'task',
  'tasks',
  'subtask',
  'skill',
  'skills',
  'depends',
  'true',
  'exist',
  'exists',
  'existing',
  'follow',
  'following',
  'pattern',
  'patterns',
  'repo',
  'repository',
  'codebase',
  'implement',
  'implementation',
  'add',
  'adds',
  'added',
  'adding',
  'make',
  'makes',
  'ensure',
  'ensures',
  'support',
  'supports',
  'use',
  'uses',
  'used',
  'using',
  'work',
  'works',
  'working',
  'handle',
  'handles',
  'based',
  'proper',
  'properly',
  'correct',
  'correctly',
  'need',
  'needs',
  'needed',
  'able',
  'allow',
  'allows',
  'way',
  'thing',
  'things',
  'get',
  'gets',
  'provide',
  'provides',
  'include',
  'includes',
  'including',
  'run',
  'runs',
  'like',
  'well',
  'now',
  'still',
  // addresses in commands and links
  'http',
  'https',
  'www',
  'com',
  'localhost'
])

/**
 * Words that are the form of a task when they lead a line of a plan
 * (`Create the model`, `Done: …`) but behaviour anywhere else (`POST /drafts
 * creates a draft`, `Add create and read endpoints`, `a download URL when
 * done`): dropped there only.
 */
const taskLead = /(^|\n|[.;:]\s)(\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__)?)(?:create[sd]?|creating|done|completed?)\b/gi

/** Two-word verbs written apart or together (`log in`, `logged in`, `login`) compare as one word. */
const compounds = /\b(log|sign|check|opt|back)(?:s|ed|ged|ging|ing)?[\s-]+(in|up|out|on)\b/g

/** Times of day (`02:00`) are one word. */
const clockTime = /\b(\d{1,2}):(\d{2})\b/g

/** Thousands separators and decimals keep a number whole (`5,000` = `5000`, `0.7`). */
const numberGroups = /\b(\d{1,3}(?:,\d{3})+)\b/g

/** Number words before a unit or a noun compare with digits (`two decimal places` = `2 decimals`, `one day` = `1 day`). */
const numberWords: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  sixty: '60',
  hundred: '100'
}
const numberWord = new RegExp(`\\b(?:${Object.keys(numberWords).join('|')})\\b(?=[\\s-]+[a-z])`, 'g')

/**
 * Phrases the stemmer cannot see as one thing: each compares as one word,
 * shown as written. Kept to the vocabulary of software specs.
 */
const phrases: ReadonlyArray<readonly [RegExp, string, 'keep'?]> = [
  [/\b(?:single[\s-]use|one[\s-]time|only once|unused|used (?:again|twice)|re-?us(?:e|es|ed|ing|able))\b/g, 'singleuse'],
  [/\bscreen[\s-]?readers?\b/g, 'screenreader'],
  [/\b(?:(?:no|without(?: an?)?) (?:network |internet )?(?:connection|connectivity|signal|network)|(?:flight|airplane|aeroplane) mode|offline)\b/g, 'offline'],
  [/\b(?:top|nav(?:igation)?)[\s-]?bar\b/g, 'header'],
  [/\be-mail/g, 'email'],
  [/\bem[\s-]dash(?:es)?\b/g, 'emdash'],
  // HTTP statuses a criterion checks say what the requirement says in words
  [/\brate[\s-]limit(?:s|ed|ing)?\b|\b429\b/g, 'ratelimit'],
  [/\b410\b/g, 'expir'],
  // a palette named by its colours or as one word; the colours stay words too
  [/\b(?:black\s*(?:\/|,|and|&)\s*white|mono(?:chrome)?|gr[ae]yscale)\b/g, 'monochrome', 'keep']
]

/** A number with a unit (`30 minutes`, `24-hour`, `500 KB`, `1 second` = `1000 ms`) compares by its value in a base unit. */
const quantity =
  /(?<![£$€¥\d.,])\b(\d+(?:\.\d+)?)\s?-?\s?(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|kb|mb|gb|tb|bytes?|b|%|percent)(?![a-z0-9])/g
const units: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/^(?:ms|milliseconds?)$/, 0.001, 's'],
  [/^(?:s|secs?|seconds?)$/, 1, 's'],
  [/^(?:mins?|minutes?)$/, 60, 's'],
  [/^(?:h|hrs?|hours?)$/, 3600, 's'],
  [/^days?$/, 86_400, 's'],
  [/^weeks?$/, 604_800, 's'],
  [/^months?$/, 2_592_000, 's'],
  [/^years?$/, 31_536_000, 's'],
  [/^(?:b|bytes?)$/, 1, 'b'],
  [/^kb$/, 1e3, 'b'],
  [/^mb$/, 1e6, 'b'],
  [/^gb$/, 1e9, 'b'],
  [/^tb$/, 1e12, 'b'],
  [/^(?:%|percent)$/, 1, 'pct']
]

function quantityStem(value: string, unit: string): string {
  for (const [pattern, factor, base] of units) {
    if (pattern.test(unit)) return `${Number((Number(value) * factor).toPrecision(6))}${base}`
  }
  return value
}

/** Irregular past forms Porter keeps apart from their verb (`shown`, `sent`, `kept`). */
const irregular: Readonly<Record<string, string>> = {
  shown: 'show',
  showed: 'show',
  sent: 'send',
  kept: 'keep',
  written: 'write',
  wrote: 'write',
  built: 'build',
  rebuilt: 'rebuild',
  chosen: 'choose',
  chose: 'choose',
  given: 'give',
  gave: 'give',
  taken: 'take',
  took: 'take',
  paid: 'pay',
  sold: 'sell',
  found: 'find',
  lost: 'lose',
  held: 'hold',
  hidden: 'hide',
  broken: 'break',
  broke: 'break',
  bought: 'buy',
  thrown: 'throw',
  drawn: 'draw',
  known: 'know',
  shrunk: 'shrink',
  shrank: 'shrink',
  began: 'begin',
  begun: 'begin',
  spent: 'spend',
  led: 'lead',
  fed: 'feed',
  met: 'meet',
  stolen: 'steal',
  frozen: 'freeze',
  forgot: 'forget',
  forgotten: 'forget',
  sped: 'speed',
  // Porter makes `accessibility` `access`, as in `access token`
  accessibility: 'a11y',
  accessible: 'a11y',
  inaccessible: 'a11y'
}

/** Words ending in `ly` that are not an adverb or adjective on a stem (`apply`, `reply`). */
const lyWords = new Set(['apply', 'reply', 'supply', 'multiply', 'comply', 'rely', 'family', 'assembly', 'anomaly', 'italy', 'july', 'fly'])

function porter(word: string): string {
  if (/^\d/.test(word)) return word
  const base = word.length > 5 && word.endsWith('ly') && !lyWords.has(word) ? word.slice(0, -2) : word
  // Porter keeps a final `y` as `i` (`expiry` → `expiri`, `expire` → `expir`): drop it.
  const root = stemmer(base)
  return root.length > 3 && root.endsWith('i') ? root.slice(0, -1) : root
}

/**
 * Words specs use for the same thing: each group compares as its first
 * word (`photos` ≈ `images`). Only near-synonyms in the vocabulary of
 * software specs, so that a shared group is as good as a shared word.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['image', 'photo', 'picture', 'photograph'],
  ['email', 'mail'],
  ['password', 'credential', 'passphrase'],
  ['delete', 'remove', 'purge', 'erase', 'gone'],
  ['choose', 'choice', 'pick', 'select', 'selection'],
  ['change', 'edit', 'modify', 'update', 'alter'],
  ['tag', 'label', 'category', 'categorise', 'categorize'],
  ['currency', 'euro', 'eur', 'usd', 'dollar', 'gbp', 'yen', 'jpy'],
  ['expire', 'expiry', 'expiration'],
  ['record', 'log', 'journal'],
  ['show', 'display', 'appear'],
  ['reject', 'refuse', 'deny', 'decline'],
  ['a11y', 'wcag', 'axe', 'aria', 'screenreader'],
  ['compress', 'shrink', 'resize', 'downscale'],
  ['signature', 'sign'],
  ['fail', 'failure'],
  ['search', 'query', 'lookup'],
  ['save', 'store', 'persist'],
  ['mask', 'redact', 'redaction']
]
const synonyms: ReadonlyMap<string, string> = new Map(synonymGroups.flatMap((group) => group.map((word) => [porter(word), porter(group[0] ?? word)] as const)))

/** A word's comparable form: irregular forms to their verb, Porter, then its synonym group (`photos`, `images` → `imag`). */
export const stem = memoText((word: string): string => {
  const root = porter(irregular[word] ?? word)
  return synonyms.get(root) ?? root
})

/** Prefixes that negate or repeat a word (`unexpired`, `misrouted`, `retraining`). */
const prefix = /^(?:un|non|mis|re)(?=[a-z]{4})/

/** `re-` words that are not `re` and a word (`restore` is not `store` again). */
const notRepeated = new Set([
  'restore',
  'remove',
  'report',
  'return',
  'replace',
  'refresh',
  'record',
  'remain',
  'reserve',
  'relay',
  'recover',
  'refuse',
  'release',
  'resign',
  'resort',
  'remark',
  'remote',
  'reward',
  'retail',
  'retreat',
  'reform',
  'repeat',
  'recall',
  'recount',
  'regard',
  'relate',
  'reside',
  'resolve',
  'respect',
  'result',
  'retire',
  'reveal',
  'review',
  'revise',
  'rewind',
  'reason'
])

const notRepeatedStems = [...notRepeated].map(porter)

/** The stem of a word without a negating or repeating prefix, or null (`misrouted` → `rout`). */
export const unprefixed = memoText((surface: string): string | null => {
  if (!prefix.test(surface)) return null
  if (surface.startsWith('re') && notRepeatedStems.some((root) => surface.startsWith(root))) return null
  const rest = surface.replace(prefix, '')
  const root = stem(rest)
  return root.length < 3 || stopWords.has(rest) || stopWords.has(root) ? null : root
})

/** The significant words of a chunk's text: `significantWords` without a leading `Create`, `Done` (see `taskLead`). */
export const planWords = memoText((text: string): readonly Word[] => significantWords(text.replace(taskLead, '$1$2')))

export interface Word {
  stem: string
  /** The word as written (lower case), the first time the stem occurs. */
  surface: string
}

/** The significant words of a text, one per stem, in order of first occurrence (shared: do not change the result). */
export const significantWords = memoText((text: string): readonly Word[] => {
  let folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // an address is not a statement (`http://localhost:3000/settings/notifications`)
    .replace(/\b(?:https?:\/\/|www\.)[^\s`)\]]*/g, ' ')
    .replace(compounds, '$1$2')
    .replace(clockTime, '$1$2')
    .replace(numberGroups, (group: string) => group.replace(/,/g, ''))
    .replace(numberWord, (word: string) => numberWords[word] ?? word)
  const found: Array<{at: number; stem: string; surface: string}> = []
  const blank = (start: number, length: number) => {
    folded = folded.slice(0, start) + ' '.repeat(length) + folded.slice(start + length)
  }
  // A route or path (`/auth/refresh`, `lib/site/timetable.ts`) names one thing: it is a word too, beside its parts.
  for (const match of folded.matchAll(/(?<![a-z0-9_.:/-])(?:[a-z0-9_.-]+)?(?:\/[a-z0-9_.{}-]+)+/g)) {
    const path = match[0].replace(/[.]+$/, '')
    if (path.split('/').filter(Boolean).length >= (path.startsWith('/') ? 1 : 2) && /[a-z]{2}/.test(path))
      found.push({at: match.index, stem: path, surface: path})
  }
  for (const [pattern, root, keep] of phrases) {
    for (const match of folded.matchAll(pattern)) {
      found.push({at: match.index, stem: synonyms.get(root) ?? root, surface: match[0]})
      if (!keep) blank(match.index, match[0].length)
    }
  }
  for (const match of folded.matchAll(quantity)) {
    const [whole, value = '', unit = ''] = match
    const root = quantityStem(value, unit)
    found.push({at: match.index, stem: root, surface: whole})
    // A duration is a time (`30 minutes` says something about `cooking time`).
    if (root.endsWith('s') && !root.endsWith('ms')) found.push({at: match.index, stem: 'time', surface: whole})
    // The unit stays a word (`minutes`); the number is the quantity's.
    blank(match.index, value.length)
  }
  for (const match of folded.matchAll(/[a-z0-9]+(?:\.\d+)?/g)) {
    const word = match[0]
    if (word.length < 2 || stopWords.has(word) || /^\d$/.test(word)) continue
    const root = stem(word)
    if (root.length < 2 || stopWords.has(root)) continue
    found.push({at: match.index, stem: root, surface: word})
  }
  found.sort((a, b) => a.at - b.at)
  const seen = new Map<string, string>()
  for (const word of found) if (!seen.has(word.stem)) seen.set(word.stem, word.surface)
  return Object.freeze([...seen].map(([stem, surface]) => Object.freeze({stem, surface})))
})
