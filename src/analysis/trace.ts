import type {Chunk, Criterion, Requirement, SpecModel} from '../model/schema.js'
import {isNoneEntry, requirementIdOf, requirementIdPrefix} from '../model/vocabulary.js'
import type {SharedWord, Trace, TraceChunk, TraceCriterion, TraceLink, TraceRequirement} from './trace-schema.js'
import {memoText} from '../model/memo.js'
import {planWords, significantWords, unprefixed} from './trace-words.js'

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
 *    into significant words (`trace-words.ts`: stop list, irregular forms,
 *    Porter stems, synonym groups, phrases, quantities in base units). A
 *    word weighs w = ln((N + 1) / df), with N requirements and df of them
 *    using it, so a word every requirement uses weighs little. The evidence
 *    of a text for a requirement is the weight of the words they share; its
 *    score is the share of the requirement's own weight that evidence carries.
 *
 *    A text does one thing: a criterion, a chunk's title, its outcome and
 *    each of its sub-tasks (and each clause of a list in them). Each links to
 *    the requirement it shares most weight with, and to those within
 *    `rivalShare` of it, when it shares at least two words (one when the
 *    requirement has at most two) and a score of `segmentScore`. A chunk
 *    serves what any of its parts serves, and the requirement its whole text
 *    shares most with from `chunkScore`; a chunk titled with a requirement's
 *    first words is named after it (`Timetable`, "Timetable is data-driven").
 *    Last, a requirement still without a chunk is served by the chunk that
 *    carries most of its weight, from `fallbackScore`.
 */

/** The lowest score of a link by match. */
export const matchThreshold = 0.2
/** A part of a chunk, or a criterion, links to the requirement it shares most with from this score. */
export const segmentScore = matchThreshold
/** A chunk's whole text serves the requirement it shares most with from this score. */
export const chunkScore = 0.25
/** A requirement no part of a chunk serves is served by the chunk that carries this share of its weight. */
export const fallbackScore = 0.4
/** Requirements within this share of the best evidence are linked too (a text can check two things at once). */
export const rivalShare = 0.9
/** A text that is some requirement's best match links to it alone when its evidence is within this share of the text's best. */
export const bandShare = 0.75
const minSharedWords = 2
/** A shared word counts towards `minSharedWords` when at most half the requirements use it (w ≥ ln 2). */
const distinctiveWeight = Math.log(2) - 1e-9
/** A chunk titled with a requirement's first words is named after it. */
const leadWords = 3

interface Unit {
  index: number
  /** Stem (and prefix-less alias) → the word as the requirement writes it. */
  words: Map<string, string>
  total: number
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
  const requirementTexts = kept.map((requirement) => requirement.text.replace(requirementIdPrefix, ''))
  const citable = citationFinderFor(requirements)
  const matcher = matcherFor(requirementTexts)
  const readings = spec.chunks.map((chunk) => readChunk(chunk, source, citable, matcher))
  const criterionTexts = (spec.acceptance?.criteria ?? []).map((criterion) => criterionText(criterion, source))
  const chunks: TraceChunk[] = spec.chunks.map((chunk, index) => ({
    key: chunk.key,
    title: chunk.title,
    cites: [...(readings[index]?.cites ?? [])],
    position: chunk.detail?.position ?? chunk.row?.position ?? spec.plan?.position ?? requirements[0]?.position ?? zero
  }))
  const criteria: TraceCriterion[] = (spec.acceptance?.criteria ?? []).map((criterion, index) => ({
    text: criterion.text,
    cites: citable(criterionTexts[index] ?? ''),
    position: criterion.position
  }))

  const byIdIndex = new Map(requirements.map((requirement, index) => [requirement.id ?? '', index] as const))
  const links: TraceLink[] = []
  const byIdLinks = (to: TraceLink['to'], target: number, cites: readonly string[]) => {
    const seen = new Set<number>()
    for (const id of cites) {
      const requirement = byIdIndex.get(id)
      if (requirement === undefined || seen.has(requirement)) continue
      seen.add(requirement)
      links.push({requirement, to, target, by: 'id', ids: [id], words: [], score: null})
    }
  }
  /** The requirements a text that does one thing links to (see the top of this file). */
  const choose = (matches: readonly Match[], floor: number, isBest: (match: Match) => boolean, criterion = false): Match[] => {
    // A criterion checks a piece of a requirement: it may carry little of the requirement's weight but most of its own.
    const candidates = matches.filter((match) => match.enough && (criterion ? Math.max(match.score, match.cover) : match.score) >= floor)
    const best = Math.max(0, ...candidates.map((match) => match.evidence))
    const mutual = candidates.filter((match) => match.evidence >= bandShare * best && isBest(match))
    return mutual.length > 0 ? mutual : candidates.filter((match) => match.evidence >= rivalShare * best)
  }
  const found = new Map<string, TraceLink>()
  const add = (to: TraceLink['to'], target: number, match: Match) => {
    const key = `${to} ${target} ${match.requirement}`
    const known = found.get(key)
    if (!known) {
      found.set(key, {requirement: match.requirement, to, target, by: 'match', ids: [], words: [...match.words], score: match.score})
      return
    }
    const stems = new Set(known.words.map((word) => word.stem))
    known.words.push(...match.words.filter((word) => !stems.has(word.stem)))
    known.score = Math.max(known.score ?? 0, match.score)
  }
  /** Each requirement's best evidence among the chunks, or the criteria, that cite no id. */
  const bestEvidence = (all: ReadonlyArray<readonly Match[] | null>): number[] => {
    const best = requirements.map(() => 0)
    for (const matches of all)
      for (const match of matches ?? []) if (match.enough) best[match.requirement] = Math.max(best[match.requirement] ?? 0, match.evidence)
    return best
  }

  const wholes = readings.map((reading) => reading?.whole ?? null)
  const bestChunk = bestEvidence(wholes)
  chunks.forEach((chunk, target) => {
    if (chunk.cites.length > 0) return byIdLinks('chunk', target, chunk.cites)
    const model = spec.chunks[target]
    const whole = wholes[target]
    if (!model || !whole) return
    const isBest = (match: Match) =>
      (whole.find((other) => other.requirement === match.requirement)?.evidence ?? 0) >= rivalShare * (bestChunk[match.requirement] ?? 0)
    const before = found.size
    for (const part of readings[target]?.parts ?? []) {
      for (const match of choose(part, segmentScore, isBest)) add('chunk', target, match)
    }
    // The whole text adds the requirement it shares most with, when no part links or when the chunk is that requirement's best.
    const byParts = found.size > before
    for (const match of choose(whole, chunkScore, isBest)) if (!byParts || isBest(match)) add('chunk', target, match)
    for (const match of whole) if (match.byTitle) add('chunk', target, match)
  })
  const matchCriterion = criterionMatcher(matcher)
  const checks = criteria.map((criterion, target) => (criterion.cites.length > 0 ? null : matchCriterion(criterionTexts[target] ?? '')))
  const bestCriterion = bestEvidence(checks)
  criteria.forEach((criterion, target) => {
    const matches = checks[target]
    if (!matches) return byIdLinks('criterion', target, criterion.cites)
    for (const match of choose(matches, segmentScore, (match) => match.evidence >= rivalShare * (bestCriterion[match.requirement] ?? 0), true))
      add('criterion', target, match)
  })
  // A requirement no chunk serves yet: the chunk that carries most of its weight.
  const served = new Set([...links, ...found.values()].filter((link) => link.to === 'chunk').map((link) => link.requirement))
  const fallback = new Map<number, {target: number; match: Match}>()
  wholes.forEach((matches, target) => {
    for (const match of matches ?? []) {
      if (served.has(match.requirement) || !match.enough || match.score < fallbackScore) continue
      const known = fallback.get(match.requirement)
      if (!known || match.score > known.match.score) fallback.set(match.requirement, {target, match})
    }
  })
  for (const {target, match} of fallback.values()) add('chunk', target, match)
  // A chunk nothing links yet serves the requirements that alone use a word of its title (`no-em-dash sweep`).
  const linkedChunks = new Set([...found.values()].filter((link) => link.to === 'chunk').map((link) => link.target))
  chunks.forEach((chunk, target) => {
    const model = spec.chunks[target]
    if (chunk.cites.length > 0 || linkedChunks.has(target) || !model) return
    const titled = titleMatches(readings[target], model, matcher).filter((match) => match.words.some((word) => match.unique.has(word.stem)))
    const best = Math.max(0, ...titled.map((match) => match.evidence))
    for (const match of titled) if (match.evidence >= rivalShare * best) add('chunk', target, match)
  })
  links.push(...found.values())
  links.sort((a, b) => a.requirement - b.requirement || (a.to === b.to ? a.target - b.target : a.to === 'chunk' ? -1 : 1))

  const byId = [...chunks, ...criteria].some((item) => item.cites.length > 0)
  return {byId, threshold: matchThreshold, requirements, chunks, criteria, links}
}

type Matcher = (text: string, title?: string, plan?: boolean) => Match[]

/*
 * What the match reads of one chunk, against one set of requirements. A
 * chunk model is not changed once built, and the language server's model
 * takes over the chunks of every phase an edit did not touch: so each chunk
 * is read once, and a keystroke costs the match of the chunk it changed.
 */
interface ChunkReading {
  citable: (text: string) => string[]
  matcher: Matcher
  cites: readonly string[]
  /** The whole text's matches; null when the chunk cites ids. */
  whole: Match[] | null
  /** Each part's matches. */
  parts: Match[][]
  /** The title's own matches, read when first asked for. */
  titled?: Match[]
}

const readings = new WeakMap<Chunk, ChunkReading>()

function readChunk(chunk: Chunk, source: string, citable: (text: string) => string[], matcher: Matcher): ChunkReading {
  const known = readings.get(chunk)
  if (known && known.citable === citable && known.matcher === matcher) return known
  const text = chunkText(chunk, source)
  const cites = citable(text)
  const reading: ChunkReading = {
    citable,
    matcher,
    cites,
    whole: cites.length > 0 ? null : matcher(withoutIds(text), withoutIds(chunk.title), true),
    parts: cites.length > 0 ? [] : chunkParts(chunk).map((part) => matcher(withoutContrast(withoutIds(part)), undefined, true))
  }
  readings.set(chunk, reading)
  return reading
}

/** The matches of a criterion's text, once per set of requirements: the criteria stay as they are while a chunk is typed in. */
const criterionMatchers = new WeakMap<Matcher, (text: string) => Match[]>()

function criterionMatcher(matcher: Matcher): (text: string) => Match[] {
  let match = criterionMatchers.get(matcher)
  if (!match) {
    match = memoText((text: string) => matcher(withoutContrast(withoutIds(text))))
    criterionMatchers.set(matcher, match)
  }
  return match
}

function titleMatches(reading: ChunkReading | undefined, chunk: Chunk, matcher: Matcher): Match[] {
  if (!reading) return matcher(withoutIds(chunk.title), undefined, true)
  reading.titled ??= matcher(withoutIds(chunk.title), undefined, true)
  return reading.titled
}

/** One matcher per set of requirement texts, one citation finder per set of ids: a chunk's reading stays valid while they do. */
const matchers = memoText((key: string) => lexicalMatcher(JSON.parse(key) as string[]), 16)
const finders = memoText((key: string) => citationFinder(JSON.parse(key) as string[]), 16)

function matcherFor(texts: readonly string[]): Matcher {
  return matchers(JSON.stringify(texts))
}

function citationFinderFor(requirements: readonly TraceRequirement[]): (text: string) => string[] {
  return finders(JSON.stringify([...new Set(requirements.flatMap((requirement) => (requirement.id ? [requirement.id] : [])))]))
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

/** The parts of a chunk that each say one thing: its title, note, outcome and sub-tasks, and the clauses of a list in them. */
function chunkParts(chunk: Chunk): string[] {
  const parts = [chunk.title, chunk.detail?.note ?? '', chunk.row?.outcome ?? '', chunk.outcome ?? '', ...chunk.subtasks]
  const out: string[] = []
  for (const part of parts) {
    if (part.trim() === '') continue
    out.push(part)
    const clauses = part.split(/;|,\s|\s\+\s|\s[—–]\s|\s\/\s/).filter((clause) => clause.trim() !== '')
    if (clauses.length > 1) out.push(...clauses)
  }
  return [...new Set(out)]
}

function criterionText(criterion: Criterion, source: string): string {
  const raw = source.slice(criterion.position.start.offset, criterion.position.end.offset)
  return raw === '' ? criterion.text : raw
}

/** What a text sets its subject against (`in the triage queue, not a team queue`) is not what it is about. */
function withoutContrast(text: string): string {
  return text.replace(/,\s*(?:not|rather than|instead of)\s+(?:an?|the|any)\s[^,.;\n]*/gi, ' ')
}

/** Ids and issue ids (`R2`, `FR-1`, `NS-101`) are not words to match. */
function withoutIds(text: string): string {
  return text.replace(/\b[A-Z]{1,5}-?\d{1,6}(?:\.\d{1,6}){0,3}\b/g, ' ')
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The requirement ids a text cites, in order of first mention; `R1–R3` cites R1, R2 and R3. */
function citationFinder(ids: readonly string[]): (text: string) => string[] {
  if (ids.length === 0) return () => []
  const known = new Set(ids)
  const single = new RegExp(
    `(?<![A-Za-z0-9])(?:${[...ids]
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
  /** The weight of the shared words. */
  evidence: number
  /** The share of the requirement's weight they carry, 0 to 1. */
  score: number
  words: SharedWord[]
  /** The share of the text's own weight (its words that some requirement uses) the shared words carry. */
  cover: number
  /** Whether enough words are shared for a link. */
  enough: boolean
  /** The shared stems no other requirement uses. */
  unique: ReadonlySet<string>
  /** Whether the chunk title given is the requirement's first words. */
  byTitle: boolean
}

/** Score texts against the requirements by shared significant words (see the top of this file). */
function lexicalMatcher(requirementTexts: readonly string[]): Matcher {
  const units: Unit[] = requirementTexts.map((text, index) => {
    const words = new Map<string, string>()
    for (const word of significantWords(text)) {
      if (!words.has(word.stem)) words.set(word.stem, word.surface)
      const alias = unprefixed(word.surface)
      if (alias !== null && !words.has(alias)) words.set(alias, word.surface)
    }
    return {index, words, total: 0}
  })
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
  for (const unit of units) unit.total = [...unit.words.keys()].reduce((sum, stem) => sum + weight(stem), 0)
  const leads = units.map((unit) => new Set([...unit.words.keys()].slice(0, leadWords)))
  return (text, title, plan = false) => {
    const wordsOf = plan ? planWords : significantWords
    const named = new Set(
      title === undefined ? [] : wordsOf(title).map((word) => (postings.has(word.stem) ? word.stem : (unprefixed(word.surface) ?? word.stem)))
    )
    const shared = new Map<number, SharedWord[]>()
    const sums = new Map<number, number>()
    const counted = new Set<string>()
    let own = 0
    for (const word of wordsOf(text)) {
      const stem = postings.has(word.stem) ? word.stem : (unprefixed(word.surface) ?? word.stem)
      if (counted.has(stem)) continue
      counted.add(stem)
      if (postings.has(stem)) own += weight(stem) * (named.has(stem) ? 2 : 1)
      for (const index of postings.get(stem) ?? []) {
        const list = shared.get(index) ?? []
        const requirement = units[index]?.words.get(stem) ?? stem
        // A duration is also a `time`: shown once, as the quantity.
        if (!list.some((known) => known.requirement === requirement && known.other === word.surface)) list.push({stem, requirement, other: word.surface})
        shared.set(index, list)
        // The title names what the chunk is about: its words count twice.
        sums.set(index, (sums.get(index) ?? 0) + weight(stem) * (named.has(stem) ? 2 : 1))
      }
    }
    const out: Match[] = []
    for (const [index, words] of shared) {
      const unit = units[index]
      if (!unit) continue
      const evidence = sums.get(index) ?? 0
      const score = unit.total > 0 ? Math.min(1, evidence / unit.total) : 0
      const lead = leads[index]
      const byTitle = named.size > 0 && named.size <= leadWords && [...named].every((stem) => lead?.has(stem))
      const distinctive = words.filter((word) => weight(word.stem) >= distinctiveWeight).length
      const enough = distinctive >= minSharedWords || unit.words.size <= minSharedWords
      const cover = own > 0 ? Math.min(1, evidence / own) : 0
      const unique = new Set(words.filter((word) => postings.get(word.stem)?.length === 1).map((word) => word.stem))
      out.push({requirement: index, evidence, score: Math.round(score * 1000) / 1000, cover, words, enough, unique, byTitle})
    }
    return out.sort((a, b) => a.requirement - b.requirement)
  }
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
