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
  'done',
  'complete',
  'completed',
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
  'create',
  'creates',
  'created',
  'creating',
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
  'new',
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

/** Two-word verbs written apart or together (`log in`, `logged in`, `login`) compare as one word. */
const compounds = /\b(log|sign|check|opt|back)(?:s|ed|ged|ging|ing)?[\s-]+(in|up|out|on)\b/g

/** Times of day (`02:00`) are one word. */
const clockTime = /\b(\d{1,2}):(\d{2})\b/g

/** Words ending in `ly` that are not an adverb or adjective on a stem (`apply`, `reply`). */
const lyWords = new Set(['apply', 'reply', 'supply', 'multiply', 'comply', 'rely', 'family', 'assembly', 'anomaly', 'italy', 'july', 'fly'])

/** `nightly` compares with `night`, `automatically` with `automatic`; Porter leaves `-ly` alone. */
const stem = memoText((word: string): string => {
  if (/^\d+$/.test(word)) return word
  const base = word.length > 5 && word.endsWith('ly') && !lyWords.has(word) ? word.slice(0, -2) : word
  // Porter keeps a final `y` as `i` (`expiry` → `expiri`, `expire` → `expir`): drop it.
  const root = stemmer(base)
  return root.length > 3 && root.endsWith('i') ? root.slice(0, -1) : root
})

export interface Word {
  stem: string
  /** The word as written (lower case), the first time the stem occurs. */
  surface: string
}

/** The significant words of a text, one per stem, in order of first occurrence (shared: do not change the result). */
export const significantWords = memoText((text: string): readonly Word[] => {
  const seen = new Map<string, string>()
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(compounds, '$1$2')
    .replace(clockTime, '$1$2')
  for (const match of folded.matchAll(/[a-z0-9]+/g)) {
    const word = match[0]
    if (word.length < 2 || stopWords.has(word) || /^\d$/.test(word)) continue
    const root = stem(word)
    if (root.length < 2 || stopWords.has(root) || seen.has(root)) continue
    seen.set(root, word)
  }
  return Object.freeze([...seen].map(([stem, surface]) => Object.freeze({stem, surface})))
})
