import {memoText} from './memo.js'
import type {SectionName} from './vocabulary.js'
import {extraSectionNames, sectionNames} from './vocabulary.js'

export {upperSnake} from './vocabulary.js'

/** `C2`, `C0.1`, `C10` written before a chunk title. */
const chunkIdPrefix = /^(C\d+(?:\.\d+)*)(?=$|[\s:.—–-])[\s:.—–-]*/

export function splitChunkId(title: string): {id: string | null; rest: string} {
  const match = chunkIdPrefix.exec(title)
  if (!match) return {id: null, rest: title}
  const rest = title.slice(match[0].length).trim()
  return {id: match[1] ?? null, rest}
}

/**
 * Normalise a chunk title for matching a table row to its checklist item:
 * case, punctuation, `+`/`&`/`and`, and a chunk id prefix do not count.
 */
export const normalizeTitle = memoText((title: string): string => {
  const {rest} = splitChunkId(title.trim())
  return rest
    .toLowerCase()
    .replace(/[+&]/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
})

/** Kebab-case slug of a title (`Auth utilities` → `auth-utilities`). */
export const slugify = memoText((title: string): string =>
  splitChunkId(title.trim())
    .rest.toLowerCase()
    .replace(/[+&]/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
)

/** Heading text without numbering (`1.`), a trailing colon or extra space. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const canonicalByName = new Map<string, SectionName>(sectionNames.map((name) => [name.toLowerCase(), name] as const))
canonicalByName.set('metadata', 'Meta')
canonicalByName.set('acceptance', 'Acceptance Criteria')
canonicalByName.set('reference', 'Reference Files')
canonicalByName.set('references', 'Reference Files')

const extraByName = new Map<string, string>(extraSectionNames.map((name) => [name.toLowerCase(), name]))

export function canonicalSection(text: string): SectionName | null {
  return canonicalByName.get(normalizeHeading(text)) ?? null
}

export function extraSection(text: string): string | null {
  return extraByName.get(normalizeHeading(text)) ?? null
}

/**
 * Each run of whitespace that holds a line break becomes one space, like
 * replacing `\s*\n\s*` with a space but in linear time: that pattern
 * backtracks over every long run of spaces without a line break.
 */
export function joinLines(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run))
}

/** Strip inline markdown markers a value was written with (`` ` ``, `**`). */
export function plainValue(raw: string): string {
  return raw
    .replace(/`/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/^[*_](.*)[*_]$/, '$1')
    .trim()
}

/** Render values in backticks for messages: `a`, `b` or `c`. */
export function listOf(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`
}

/**
 * Whether a text may hold a link reference or footnote definition. One
 * changes how text anywhere else parses (a `[x]` is a reference only when
 * `[x]: …` exists somewhere), so in such a document a block's text alone no
 * longer decides its tree: nothing parsed or read from a block is reused.
 */
export function mayDefineReferences(text: string): boolean {
  return text.includes(']:')
}
