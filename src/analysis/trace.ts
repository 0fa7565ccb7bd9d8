import type {Chunk, Criterion, Requirement, SpecModel} from '../model/schema.js'
import {isNoneEntry, requirementIdOf, requirementIdPrefix} from '../model/vocabulary.js'
import type {SharedWord, Trace, TraceChunk, TraceCriterion, TraceLink, TraceRequirement} from './trace-schema.js'
import {significantWords, type Word} from './trace-words.js'

/*
 * The traceability matrix: which chunks serve each requirement and which
 * acceptance criteria check it. Computed once per model and shared by the
 * trace rules and `spec-lint trace`.
 *
 * A link is made in two ways, in this order:
 *
 * 1. By id. A chunk or criterion that cites requirement ids (`R3`, `FR-2`,
 *    `(R1, R4)`, `R1–R3`) is linked to exactly those requirements.
 * 2. By match, for a chunk or criterion that cites none. Both sides are cut
 *    into significant words (`trace-words.ts`: stop list, Porter stems). A
 *    word weighs w = ln((N + 1) / df), with N requirements and df of them
 *    using the word, so a word every requirement uses weighs little. The
 *    score is the cosine of the two weighted word sets. A link needs a score
 *    of at least `matchThreshold` and two shared words (one when the
 *    requirement has at most two). A chunk, which may do several things,
 *    also serves a requirement when its words carry `coverShare` of the
 *    requirement's weight, or `ownWords` words no other requirement uses,
 *    or when its title is the requirement's first words (`Timetable` for
 *    "Timetable is data-driven"). A criterion, which checks one thing, links
 *    to the requirements within `rivalShare` of its best score; and each
 *    requirement pairs with the criterion that matches it best, from a lower
 *    score of `pairThreshold` (criteria are requirements "inverted into
 *    verifiable checks").
 */

export const matchThreshold = 0.25
const minSharedWords = 2
/** The lower score at which a requirement still pairs with the criterion that matches it best. */
export const pairThreshold = 0.15
/** A chunk that names this share of a requirement's weight serves it, however long the chunk. */
export const coverShare = 0.5
/** A chunk that shares this many words only one requirement uses serves that requirement. */
const ownWords = 3
/** A chunk titled with a requirement's first words is named after it (`Timetable`, "Timetable is data-driven"). */
const leadWords = 3
/** A criterion checks one thing: it links to the requirements within this share of its best score. */
export const rivalShare = 0.9

interface Unit {
  index: number
  words: Map<string, string>
}

const cache = new WeakMap<SpecModel, Trace>()

/** The matrix of a spec; `source` is the text the model was built from. */
export function traceOf(spec: SpecModel, source: string): Trace {
  let trace = cache.get(spec)
  if (!trace) {
    trace = buildTrace(spec, source)
    cache.set(spec, trace)
  }
  return trace
}

/** Whether a requirement entry states something to trace (not a lead-in line or a "none"). */
export function isTraceable(requirement: Requirement): boolean {
  const text = requirement.text.trim()
  if (text === '' || isNoneEntry(text)) return false
  return !(requirement.kind === 'paragraph' && /:$/.test(text))
}

/** The texts the match compares: requirements without their id, chunks and criteria as written. */
export function traceTexts(spec: SpecModel, source: string): {requirements: string[]; chunks: string[]; criteria: string[]} {
  return {
    requirements: spec.requirements.filter(isTraceable).map((requirement) => requirement.text.replace(requirementIdPrefix, '')),
    chunks: spec.chunks.map((chunk) => chunkText(chunk, source)),
    criteria: (spec.acceptance?.criteria ?? []).map((criterion) => criterionText(criterion, source))
  }
}

function buildTrace(spec: SpecModel, source: string): Trace {
  const kept = spec.requirements.filter(isTraceable)
  const requirements: TraceRequirement[] = kept.map((requirement) => {
    const id = requirement.id ?? requirementIdOf(requirement.text)
    return {id, label: id ?? firstWords(requirement.text), text: requirement.text, position: requirement.position}
  })
  const citable = citationFinder(requirements)
  const chunkTexts = spec.chunks.map((chunk) => chunkText(chunk, source))
  const criterionTexts = (spec.acceptance?.criteria ?? []).map((criterion) => criterionText(criterion, source))
  const chunks: TraceChunk[] = spec.chunks.map((chunk, index) => ({
    key: chunk.key,
    title: chunk.title,
    cites: citable(chunkTexts[index] ?? ''),
    position: chunk.detail?.position ?? chunk.row?.position ?? spec.plan?.position ?? requirements[0]?.position ?? zero
  }))
  const criteria: TraceCriterion[] = (spec.acceptance?.criteria ?? []).map((criterion, index) => ({
    text: criterion.text,
    cites: citable(criterionTexts[index] ?? ''),
    position: criterion.position
  }))

  const byIdIndex = new Map(requirements.map((requirement, index) => [requirement.id ?? '', index] as const))
  const matcher = lexicalMatcher(kept.map((requirement) => requirement.text.replace(requirementIdPrefix, '')))
  const links: TraceLink[] = []
  const linkAll = (to: TraceLink['to'], items: readonly {cites: string[]}[], texts: readonly string[]) => {
    items.forEach((item, target) => {
      if (item.cites.length > 0) {
        const seen = new Set<number>()
        for (const id of item.cites) {
          const requirement = byIdIndex.get(id)
          if (requirement === undefined || seen.has(requirement)) continue
          seen.add(requirement)
          links.push({requirement, to, target, by: 'id', ids: [id], words: [], score: null})
        }
        return
      }
      const title = to === 'chunk' ? spec.chunks[target]?.title : undefined
      const matches = matcher(withoutIds(texts[target] ?? ''), title === undefined ? undefined : withoutIds(title))
      const best = Math.max(0, ...matches.filter((match) => match.strong).map((match) => match.score))
      for (const match of matches) {
        const link: TraceLink = {requirement: match.requirement, to, target, by: 'match', ids: [], words: match.words, score: match.score}
        if (match.strong && (to === 'chunk' || match.score >= rivalShare * best)) links.push(link)
        else if (to === 'criterion') closest(link)
      }
    })
  }
  // A requirement is also checked by the criterion that matches it best, even
  // when that criterion is closer to another requirement.
  const bestCriterion = new Map<number, TraceLink>()
  const closest = (link: TraceLink) => {
    const known = bestCriterion.get(link.requirement)
    if (!known || (link.score ?? 0) > (known.score ?? 0)) bestCriterion.set(link.requirement, link)
  }
  linkAll('chunk', chunks, chunkTexts)
  linkAll('criterion', criteria, criterionTexts)
  for (const link of links) if (link.to === 'criterion' && link.by === 'match') closest(link)
  for (const link of bestCriterion.values()) if (!links.includes(link)) links.push(link)
  links.sort((a, b) => a.requirement - b.requirement || (a.to === b.to ? a.target - b.target : a.to === 'chunk' ? -1 : 1))

  const byId = [...chunks, ...criteria].some((item) => item.cites.length > 0)
  return {byId, threshold: matchThreshold, requirements, chunks, criteria, links}
}

const zero = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  return words.length <= 6 ? words.join(' ') : `${words.slice(0, 6).join(' ')}…`
}

/** Field lines that name the chunk's stream, skills or dependencies: not what it does. */
const fieldLine = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:stream|skills|depends on)(?:\*\*|__)?\s*:[^\n]*$/gim

/** A chunk's whole text: table row cells that say what it is, and its checklist item as written. */
function chunkText(chunk: Chunk, source: string): string {
  const parts = [chunk.title]
  if (chunk.row) {
    for (const [column, cell] of Object.entries(chunk.row.cells)) {
      if (column !== 'stream' && column !== 'depends on') parts.push(cell.text)
    }
  }
  if (chunk.detail) {
    parts.push(source.slice(chunk.detail.position.start.offset, chunk.detail.position.end.offset).replace(fieldLine, ''))
  } else {
    parts.push(chunk.outcome ?? '', ...chunk.subtasks)
  }
  return parts.join('\n')
}

function criterionText(criterion: Criterion, source: string): string {
  const raw = source.slice(criterion.position.start.offset, criterion.position.end.offset)
  return raw === '' ? criterion.text : raw
}

/** Ids and issue ids (`R2`, `FR-1`, `NS-101`) are not words to match. */
function withoutIds(text: string): string {
  return text.replace(/\b[A-Z]{1,5}-?\d{1,6}(?:\.\d{1,6}){0,3}\b/g, ' ')
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The requirement ids a text cites, in order of first mention; `R1–R3` cites R1, R2 and R3. */
function citationFinder(requirements: readonly TraceRequirement[]): (text: string) => string[] {
  const ids = [...new Set(requirements.flatMap((requirement) => (requirement.id ? [requirement.id] : [])))]
  if (ids.length === 0) return () => []
  const known = new Set(ids)
  const single = new RegExp(
    `(?<![A-Za-z0-9])(?:${ids
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![A-Za-z0-9]|[.-]\\d)`,
    'g'
  )
  const range = /(?<![A-Za-z0-9])([A-Z]{1,4}-?)(\d+) ?(?:–|—|-|\.\.|to) ?([A-Z]{1,4}-?)?(\d+)(?![A-Za-z0-9]|\.\d)/g
  return (text) => {
    const found: Array<{at: number; id: string}> = []
    for (const match of text.matchAll(single)) found.push({at: match.index, id: match[0]})
    for (const match of text.matchAll(range)) {
      const [, prefix = '', low = '', second, high = ''] = match
      if (second !== undefined && second !== prefix) continue
      const from = Number(low)
      const to = Number(high)
      if (!(to > from) || to - from > 100) continue
      for (let n = from; n <= to; n++) {
        const id = `${prefix}${n}`
        if (known.has(id)) found.push({at: match.index, id})
      }
    }
    found.sort((a, b) => a.at - b.at)
    return [...new Set(found.map((entry) => entry.id))]
  }
}

interface Match {
  requirement: number
  score: number
  words: SharedWord[]
  /** Whether the match makes a link on its own; else it is only a candidate pairing. */
  strong: boolean
}

/** Score texts against the requirements by shared significant words (see the top of this file). */
function lexicalMatcher(requirementTexts: readonly string[]): (text: string, title?: string) => Match[] {
  const units: Unit[] = requirementTexts.map((text, index) => ({index, words: toMap(significantWords(text))}))
  const postings = new Map<string, number[]>()
  for (const unit of units) {
    for (const stem of unit.words.keys()) {
      const list = postings.get(stem)
      if (list) list.push(unit.index)
      else postings.set(stem, [unit.index])
    }
  }
  const n = units.length
  const weight = (stem: string) => Math.log((n + 1) / (postings.get(stem)?.length ?? 1))
  const norms = units.map((unit) => Math.hypot(...[...unit.words.keys()].map(weight)))
  const totals = units.map((unit) => [...unit.words.keys()].reduce((sum, stem) => sum + weight(stem), 0))
  const leads = units.map((unit) => new Set([...unit.words.keys()].slice(0, leadWords)))
  return (text, title) => {
    const named = new Set(title === undefined ? [] : significantWords(title).map((word) => word.stem))
    const shared = new Map<number, SharedWord[]>()
    const dots = new Map<number, number>()
    const sums = new Map<number, number>()
    const words = significantWords(text).map((word) => negated(word, postings))
    const norm = Math.hypot(...words.map((word) => weight(word.stem)))
    for (const {stem, surface} of words) {
      for (const index of postings.get(stem) ?? []) {
        const list = shared.get(index) ?? []
        list.push({stem, requirement: units[index]?.words.get(stem) ?? stem, other: surface})
        shared.set(index, list)
        dots.set(index, (dots.get(index) ?? 0) + weight(stem) ** 2)
        sums.set(index, (sums.get(index) ?? 0) + weight(stem))
      }
    }
    const out: Match[] = []
    for (const [index, words] of shared) {
      const total = (norms[index] ?? 0) * norm
      const score = total > 0 ? (dots.get(index) ?? 0) / total : 0
      const size = units[index]?.words.size ?? 0
      const lead = leads[index]
      const byTitle = named.size > 0 && named.size <= leadWords && [...named].every((stem) => lead?.has(stem))
      const covers = title !== undefined && (sums.get(index) ?? 0) >= coverShare * (totals[index] ?? Infinity)
      const own = title === undefined ? 0 : words.filter((word) => postings.get(word.stem)?.length === 1).length
      const enough = words.length >= minSharedWords || size <= minSharedWords
      const strong = byTitle || (enough && (score >= matchThreshold || covers || own >= ownWords))
      if (!strong && !(enough && score >= pairThreshold)) continue
      out.push({requirement: index, score: Math.round(score * 1000) / 1000, words, strong})
    }
    return out.sort((a, b) => a.requirement - b.requirement)
  }
}

/** `unexpired` matches a requirement's `expire` (the text says the same condition from the other side). */
function negated(word: Word, postings: ReadonlyMap<string, unknown>): Word {
  if (postings.has(word.stem) || !/^(?:un|non)[a-z]{4,}/.test(word.surface)) return word
  const rest = significantWords(word.surface.replace(/^(?:un|non)/, ''))[0]
  return rest && postings.has(rest.stem) ? {stem: rest.stem, surface: word.surface} : word
}

function toMap(words: readonly Word[]): Map<string, string> {
  return new Map(words.map((word) => [word.stem, word.surface] as const))
}

/** The links of one requirement, chunk or criterion. */
export function linksOf(trace: Trace, filter: Partial<Pick<TraceLink, 'requirement' | 'to' | 'target' | 'by'>>): TraceLink[] {
  return trace.links.filter(
    (link) =>
      (filter.requirement === undefined || link.requirement === filter.requirement) &&
      (filter.to === undefined || link.to === filter.to) &&
      (filter.target === undefined || link.target === filter.target) &&
      (filter.by === undefined || link.by === filter.by)
  )
}
