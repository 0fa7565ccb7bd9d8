import path from 'node:path'
import type {List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown} from '../parse/index.js'
import {readDocument} from '../parse/read.js'
import {contentRead, pathKind} from '../parse/inputs.js'
import type {VFile} from 'vfile'
import type {SpecModel} from '../model/schema.js'

/*
 * A small reader for discovery documents (format/discovery.SKILL.md): just
 * what `discovery-coverage` traces into a spec. Discovery docs are narrative,
 * so this reads only the parts with a recognisable shape: the Reference Files
 * list, the Scope lists (in / out / deferred) and the Open Questions list.
 */

export interface DiscoveryItem {
  /** The item's label: its bold (or struck-through) lead if it has one, else its text. */
  label: string
  text: string
  line: number
}

export interface DiscoveryReference {
  path: string
  /** What the item says about the file (after the em dash), if anything. */
  description: string
  line: number
}

export interface DiscoveryQuestion extends DiscoveryItem {
  /** Marked resolved in the discovery itself (`RESOLVED`, `[x]`, struck through). */
  answered: boolean
}

export interface Discovery {
  title: string | null
  referenceFiles: DiscoveryReference[]
  scopeIn: DiscoveryItem[]
  /** Out of scope and deferred items: neither may become a requirement. */
  scopeOut: Array<DiscoveryItem & {kind: 'out' | 'deferred'}>
  openQuestions: DiscoveryQuestion[]
}

type Kind = 'references' | 'scope' | 'in' | 'out' | 'deferred' | 'questions' | null

function classify(text: string, parent: Kind): Kind {
  const t = text.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '').trim()
  if (/^reference(?:\s+files?)?\b|^references\b|^files consulted\b/i.test(t)) return 'references'
  if (/\bout[- ]of[- ]scope\b|\bnon[- ]goals?\b|\bnot in scope\b|\bexcluded\b/i.test(t)) return 'out'
  if (/\bin[- ]scope\b|^included\b/i.test(t)) return 'in'
  if (/\bopen questions?\b|\bunresolved questions?\b/i.test(t)) return 'questions'
  if (parent === 'scope' || parent === 'in' || parent === 'out' || parent === 'deferred') {
    if (/^(?:deferred|later|future|not now)\b/i.test(t)) return 'deferred'
    if (/^(?:mvp|now)\b/i.test(t)) return 'in'
  }
  if (/^scope\b/i.test(t)) return 'scope'
  if (/^deferred\b/i.test(t)) return 'deferred'
  return null
}

/** A bold label paragraph inside a Scope section (`**Out of scope:**`). */
function labelKind(node: Paragraph, parent: Kind): Kind | undefined {
  const first = node.children[0]
  if (!first || first.type !== 'strong') return undefined
  const rest = toString({type: 'paragraph', children: node.children.slice(1)}).trim()
  if (rest !== '' && rest !== ':') return undefined
  const kind = classify(toString(first).replace(/:\s*$/, ''), parent === null ? 'scope' : parent)
  return kind ?? undefined
}

// An inner slash (`lib/email`), a trailing one (`public/`) or an extension; not `/slash-command`.
const pathLike = /[^\s/]\/[^\s/]|[^\s]\/$|^[^\s]+\.[A-Za-z0-9]{1,8}$/

/** Whether inline code names a file or folder rather than a command or symbol. */
export function isPathLike(value: string): boolean {
  const v = value.trim()
  if (v === '' || /^[-$]/.test(v) || /\s--?\w/.test(v) || /[(){}=<>]/.test(v)) return false
  return pathLike.test(v)
}

function itemLabel(item: ListItem): {label: string; text: string} {
  const first = item.children[0]
  const text = first ? toString(first).replace(/\s+/g, ' ').trim() : ''
  let label = text
  if (first?.type === 'paragraph') {
    const lead = first.children.find((child: PhrasingContent) => child.type !== 'text' || child.value.trim() !== '')
    if (lead?.type === 'strong' || lead?.type === 'delete') label = toString(lead).replace(/\s+/g, ' ').trim()
  }
  label = label.replace(/[\s:.—–-]+$/, '')
  return {label, text}
}

function inlineCodes(node: ListItem | RootContent, out: string[] = []): string[] {
  if (node.type === 'inlineCode') out.push(node.value)
  if ('children' in node) for (const child of node.children as RootContent[]) inlineCodes(child, out)
  return out
}

const resolvedMarker = /\b(?:RESOLVED|ANSWERED|DECIDED|CONFIRMED|CLOSED)\b|^\W*(?:resolved|answered|decided|closed)\s*[:—–-]/

function isAnswered(item: ListItem, text: string): boolean {
  if (item.checked === true) return true
  const first = item.children[0]
  // A struck-through question (`~~Which cron library~~ — the worker's own`) is settled.
  const lead = first?.type === 'paragraph' ? first.children.find((c) => c.type !== 'text' || c.value.trim() !== '') : undefined
  if (lead?.type === 'delete') return true
  return resolvedMarker.test(text)
}

function readList(list: List, kind: Exclude<Kind, 'scope' | null>, discovery: Discovery): void {
  for (const item of list.children) {
    const line = item.position?.start.line ?? 0
    if (kind === 'references') {
      const {text} = itemLabel(item)
      const description = (/\s[—–-]\s+(.*)$/.exec(text)?.[1] ?? '').trim()
      for (const code of inlineCodes(item)) {
        if (isPathLike(code)) discovery.referenceFiles.push({path: code.trim(), description, line})
      }
      continue
    }
    const {label, text} = itemLabel(item)
    if (label === '') continue
    if (kind === 'in') discovery.scopeIn.push({label, text, line})
    else if (kind === 'out' || kind === 'deferred') discovery.scopeOut.push({label, text, line, kind})
    else discovery.openQuestions.push({label, text, line, answered: isAnswered(item, text)})
  }
}

/** Read a discovery document. Tolerant: an unrecognised document yields empty lists. */
export function readDiscovery(text: string): Discovery {
  // Through the input limits: a refused document reads as an empty one.
  const {tree} = parseMarkdown(text)
  const discovery: Discovery = {title: null, referenceFiles: [], scopeIn: [], scopeOut: [], openQuestions: []}
  const stack: Array<{depth: number; kind: Kind}> = []
  let label: Kind | undefined
  const current = (): Kind => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const kind = stack[i]?.kind
      if (kind) return kind
    }
    return null
  }
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const headingText = toString(node)
      if (node.depth === 1 && discovery.title === null) discovery.title = headingText.replace(/^\s*discovery\s*[:—–-]\s*/i, '').trim()
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= node.depth) stack.pop()
      stack.push({depth: node.depth, kind: classify(headingText, current())})
      label = undefined
      continue
    }
    if (node.type === 'thematicBreak') continue
    const kind = current()
    if (node.type === 'paragraph' && (kind === 'scope' || kind === 'in' || kind === 'out' || kind === 'deferred')) {
      const found = labelKind(node, kind)
      if (found !== undefined) label = found
      continue
    }
    if (node.type === 'list') {
      const effective = kind === 'scope' || kind === 'in' || kind === 'out' || kind === 'deferred' ? (label ?? kind) : kind
      if (effective && effective !== 'scope') readList(node, effective, discovery)
    }
  }
  return discovery
}

/* ------------------------------------------------------------- location */

export interface DiscoverySource {
  /** The path messages name (relative to the working folder), or `discovery` for inline text. */
  name: string
  /** Absolute path, when read from disk. */
  path: string | null
  text: string
}

export type DiscoveryLookup =
  | {found: DiscoverySource}
  | {missing: {path: string; from: 'setting' | 'meta'}}
  | {none: true}

function metaDiscoveryPath(spec: SpecModel): string | null {
  const row = spec.meta?.rows.find((r) => r.field.trim().toLowerCase() === 'discovery')
  if (!row) return null
  const link = /\]\(([^)\s]+)\)/.exec(row.raw)?.[1]
  const code = /`([^`]+)`/.exec(row.raw)?.[1]
  const value = (link ?? code ?? row.value).trim()
  if (value === '' || /^(?:none|n\/a|—|-|\[.*\])$/i.test(value)) return null
  return value
}

/**
 * Find a spec's discovery document, first match wins: the `discovery`
 * setting (relative to the working folder), the Meta `Discovery` row
 * (relative to the spec), `discovery.md` beside the spec, then
 * `discovery/<name>.md` under the spec's folder (`specs/discovery/<name>.md`).
 * A setting or Meta row that names a missing file is reported, not skipped.
 */
export function locateDiscovery(spec: SpecModel, filePath: string | undefined, cwd: string, setting: unknown, linted?: VFile): DiscoveryLookup {
  const rel = (abs: string) => path.relative(cwd, abs) || abs
  // Every path looked at is an input of the linted file's result (the cache's key).
  const read = (abs: string): DiscoverySource => {
    const text = readDocument(abs)
    contentRead(linted, abs)
    return {name: rel(abs), path: abs, text}
  }
  const isFile = (abs: string) => pathKind(linted, abs) === 'file'
  if (typeof setting === 'string' && setting.trim() !== '') {
    const abs = path.resolve(cwd, setting)
    return isFile(abs) ? {found: read(abs)} : {missing: {path: setting, from: 'setting'}}
  }
  if (!filePath) return {none: true}
  const self = path.resolve(cwd, filePath)
  const dir = path.dirname(self)
  const fromMeta = metaDiscoveryPath(spec)
  if (fromMeta !== null) {
    const abs = path.resolve(dir, fromMeta)
    if (abs === self) return {none: true}
    return isFile(abs) ? {found: read(abs)} : {missing: {path: fromMeta, from: 'meta'}}
  }
  const name = path.basename(self).replace(/\.(?:md|markdown)$/i, '')
  for (const candidate of [path.join(dir, 'discovery.md'), path.join(dir, 'discovery', `${name}.md`)]) {
    if (candidate !== self && isFile(candidate)) return {found: read(candidate)}
  }
  return {none: true}
}

/* ------------------------------------------------------------ key terms */

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

/** Compare reference paths loosely: `./a/b/` equals `a/b`, and a path matches a longer one that ends with it. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.trim().replace(/^\.\//, '').replace(/\/+$/, '')
  const x = norm(a)
  const y = norm(b)
  if (x === '' || y === '') return false
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`)
}
