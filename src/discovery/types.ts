/**
 * What a spec is built from, read out of a discovery document
 * (format/discovery.SKILL.md, "Output: Discovery Document"). Every text is
 * Markdown inline source on one line, as written; `line` is where it starts
 * in the discovery document.
 */

export interface DiscoveryItem {
  /** The item's bold (or struck-through) lead when it has one, else its text. */
  label: string
  text: string
  line: number
  /** An id the discovery numbers it with (`R3`, `D1`, `FR-2`), when it has one. */
  id: string | null
  /** Nested list items, each on one line. */
  children: string[]
  /** A code block the item carries (a schema under `### Input Schema`). */
  code: {lang: string | null; value: string} | null
}

export interface Decision {
  id: string | null
  title: string
  /** What was decided, without the rationale. */
  body: string
  rationale: string | null
  line: number
  /** A list item's own text when the decision was written as one (kept as written). */
  text: string | null
}

export interface DiscoveryQuestion extends DiscoveryItem {
  /** Settled in the discovery itself (`RESOLVED`, `CONFIRMED`, `[x]`, struck through). */
  resolved: boolean
}

export interface DiscoveryReference {
  /** The path as the discovery wrote it, with its parent folders when the list nests it. */
  path: string
  /** What the entry says about the file (after the dash), if anything. */
  description: string
  /** The entry as written, when it names more than one path or other text. */
  line: number
}

/** Requirements the discovery gives, by where it gives them. */
export interface RequirementGroup {
  /** The heading they were under (`Sitemap`, `Pricing`); null for the solution overview's own list. */
  heading: string | null
  source: 'solution' | 'requirements' | 'scope' | 'structured'
  items: DiscoveryItem[]
}

export type DiscoverySection =
  'problem' | 'solution' | 'requirements' | 'decisions' | 'constraints' | 'risks' | 'scope' | 'context' | 'references' | 'success' | 'questions' | 'next'

export interface Discovery {
  title: string | null
  /** Bold header lines before the first section (`**Created:** 2026-02-19`). */
  headers: Record<string, string>
  problem: string[]
  /** The solution overview's prose paragraphs (labels and diagrams left out). */
  solution: string[]
  requirements: RequirementGroup[]
  scope: {in: DiscoveryItem[]; out: DiscoveryItem[]; deferred: DiscoveryItem[]}
  decisions: Decision[]
  constraints: DiscoveryItem[]
  risks: DiscoveryItem[]
  context: {paragraphs: string[]; items: DiscoveryItem[]}
  references: DiscoveryReference[]
  /** Reference entries that name no file (a flyer, a call, a process). */
  otherSources: DiscoveryItem[]
  success: DiscoveryItem[]
  questions: DiscoveryQuestion[]
  /** Which known sections were found, by their heading as written. */
  found: Partial<Record<DiscoverySection, string>>
  /** Sections the reader does not carry into a spec (diagrams, examples, prompt patterns), as written. */
  uncarried: string[]
  /** Every prose text (no code), for work-type signals. */
  prose: string
  /** Why the input limits refused the document (`line:column: reason`); null when read. */
  refused: string | null
}

export function emptyDiscovery(): Discovery {
  return {
    title: null,
    headers: {},
    problem: [],
    solution: [],
    requirements: [],
    scope: {in: [], out: [], deferred: []},
    decisions: [],
    constraints: [],
    risks: [],
    context: {paragraphs: [], items: []},
    references: [],
    otherSources: [],
    success: [],
    questions: [],
    found: {},
    uncarried: [],
    prose: '',
    refused: null
  }
}

/** Whether anything a spec is built from was found. */
export function hasContent(doc: Discovery): boolean {
  return Object.keys(doc.found).some((kind) => kind !== 'next')
}
