/**
 * Work type from the signals in the format's Phase 1 table ("Determine work
 * type(s)"): endpoints, database, authentication, business logic → backend;
 * UI, components, pages, user interactions → frontend; LLM orchestration,
 * prompts, agent coordination → agent. Agent plus another component is hybrid.
 */

import type {WorkType} from '../model/vocabulary.js'

export {isAgentType, isWorkType, workTypes} from '../model/vocabulary.js'
export type {WorkType} from '../model/vocabulary.js'

export type Component = 'backend-api' | 'frontend' | 'agent'
export const components: readonly Component[] = ['backend-api', 'frontend', 'agent']

/** Terms per component; `cased` terms only count in that exact case (`UI`, not `ui`). */
const signals: Record<Component, Array<{pattern: RegExp}>> = {
  'backend-api': [
    /\bendpoints?\b/gi,
    /\bAPIs?\b/g,
    /\bdatabases?\b/gi,
    /\bauth(?:entication|orization)?\b/gi,
    /\bbusiness logic\b/gi,
    /\bbackend\b|\bback-end\b/gi,
    /\bREST\b/g,
    /\bSQL\b|\bPostgres(?:QL)?\b|\bSQLite\b/gi,
    /\bmigrations?\b/gi,
    /\bwebhooks?\b/gi,
    /\bserver\b/gi
  ].map((pattern) => ({pattern})),
  frontend: [
    /\bUI\b/g,
    /\bcomponents?\b/gi,
    /\bpages?\b/gi,
    /\buser interactions?\b/gi,
    /\bfrontend\b|\bfront-end\b/gi,
    /\bwebsite\b/gi,
    /\bReact\b|\bNext\.js\b|\bTailwind\b|\bVue\b|\bSvelte\b/g,
    /\bCSS\b/g,
    /\bresponsive\b/gi,
    /\blayouts?\b/gi
  ].map((pattern) => ({pattern})),
  agent: [
    /\bLLMs?\b/g,
    /\bprompts?\b/gi,
    /\b(?:sub-?)?agents?\b/gi,
    /\borchestrat(?:e|es|ed|ion|or|ing)\b/gi,
    /\bLangGraph\b|\bDSPy\b/gi,
    /\bteammates?\b/gi,
    /\bmulti-agent\b/gi
  ].map((pattern) => ({pattern}))
}

export interface Evidence {
  component: Component
  /** Total matches over all terms. */
  count: number
  /** Matched terms as first written, most frequent first. */
  terms: string[]
}

export interface WorkTypeResult {
  type: WorkType
  /** The components found, in `components` order. */
  evidence: Evidence[]
  /** How the type was decided. */
  source: 'inferred' | 'default' | 'option'
}

/** Count each component's signals in a text. */
export function collectEvidence(text: string): Evidence[] {
  return components.map((component) => {
    const tally = new Map<string, {term: string; count: number; first: number}>()
    for (const {pattern} of signals[component]) {
      for (const match of text.matchAll(pattern)) {
        // `agent` and `agents` are one term, shown as first written.
        const key = match[0].toLowerCase().replace(/s$/, '')
        const entry = tally.get(key)
        if (entry) entry.count += 1
        else tally.set(key, {term: match[0], count: 1, first: match.index ?? 0})
      }
    }
    const entries = [...tally.values()].sort((a, b) => b.count - a.count || a.first - b.first)
    return {component, count: entries.reduce((sum, e) => sum + e.count, 0), terms: entries.map((e) => e.term)}
  })
}

/**
 * A component counts when it has at least `minimum` matches and at least a
 * fifth of the strongest one's: a website that mentions one API is still
 * frontend work, an agent system that mentions doc pages is still agent work.
 */
export function inferWorkType(text: string, minimum = 3): WorkTypeResult {
  const all = collectEvidence(text)
  const top = Math.max(...all.map((e) => e.count))
  const present = all.filter((e) => e.count >= minimum && e.count * 5 >= top)
  if (present.length === 0) return {type: 'backend-api', evidence: [], source: 'default'}
  const agent = present.some((e) => e.component === 'agent')
  const others = present.filter((e) => e.component !== 'agent')
  let type: WorkType
  if (agent && others.length > 0) type = 'hybrid'
  else if (agent) type = /\bdspy\b/i.test(text) ? 'agent-dspy' : 'agent-langgraph'
  else type = [...others].sort((a, b) => b.count - a.count)[0]?.component as 'backend-api' | 'frontend'
  return {type, evidence: present, source: 'inferred'}
}

/** `hybrid (frontend: "pages", "components"; agent: "LLM", "agent")`, at most `terms` per component. */
export function describeWorkType(result: WorkTypeResult, terms = 3): string {
  if (result.source === 'option') return `${result.type} (from --type)`
  if (result.source === 'default') return `${result.type} (no work-type signals found; the default, override with --type)`
  const parts = result.evidence.map(
    (e) =>
      `${e.component}: ${e.terms
        .slice(0, terms)
        .map((t) => `"${t}"`)
        .join(', ')}`
  )
  return `${result.type} (${parts.join('; ')})`
}
