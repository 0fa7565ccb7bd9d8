/**
 * The format's own words, in one place: what general-spec-builder calls a
 * work type, a Status, "nothing here", a placeholder, a section, and how a
 * completion promise is named. The model, the rules, init and plan read
 * them from here so that they cannot drift apart.
 */

// Work types ------------------------------------------------------------

export const workTypes = ['backend-api', 'frontend', 'agent-langgraph', 'agent-dspy', 'hybrid'] as const
export type WorkType = (typeof workTypes)[number]

/** Work that belongs to agent-spec-builder when it is the whole spec. */
export const agentWorkTypes: readonly WorkType[] = ['agent-langgraph', 'agent-dspy']

/** The work types the format says "usually/always" need an Architecture section. */
export const architectureWorkTypes: readonly WorkType[] = ['backend-api', 'agent-langgraph', 'agent-dspy', 'hybrid']

export function isWorkType(value: string): value is WorkType {
  return (workTypes as readonly string[]).includes(value)
}

export function isAgentType(value: string): boolean {
  return (agentWorkTypes as readonly string[]).includes(value)
}

/** A Type value with case and spacing normalised: `Backend API` → `backend-api`. */
export function normalizeType(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
}

/** The work type a Meta Type value starts with (`hybrid (…)` → `hybrid`), lower-cased. */
export function leadingType(value: string | null | undefined): WorkType | undefined {
  if (!value) return undefined
  const normalized = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
  return workTypes.find((type) => normalized === type || normalized.startsWith(`${type}-`) || normalized.startsWith(`${type}(`))
}

// Status ---------------------------------------------------------------

export const statuses = ['draft', 'in-progress', 'complete'] as const
export type Status = (typeof statuses)[number]

/** Spellings people use for the three statuses. */
export const statusAliases: Readonly<Record<string, Status>> = {
  draft: 'draft',
  drafting: 'draft',
  'in-progress': 'in-progress',
  inprogress: 'in-progress',
  'in progress': 'in-progress',
  in_progress: 'in-progress',
  wip: 'in-progress',
  started: 'in-progress',
  active: 'in-progress',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  finished: 'complete'
}

export function normalizeStatus(value: string): Status | undefined {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ')
  return Object.hasOwn(statusAliases, key) ? statusAliases[key] : undefined
}

// "Nothing here" ---------------------------------------------------------

/** Words that say a cell or field is deliberately empty (`Depends On: none`). */
export const noneWords = ['none', 'n/a', 'na', 'nil', 'nothing'] as const

/** Dashes that stand for "nothing" in a table cell: `—`, `–`, `-`. */
const dashOnly = /^[—–-]+$/

/** A cell or field value that says "nothing": empty, a dash, or a none word. */
export function isNoneValue(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true
  const v = value.trim().toLowerCase()
  return v === '' || dashOnly.test(v) || (noneWords as readonly string[]).includes(v)
}

/**
 * A list entry that states there is nothing to list: `None`, `—`,
 * `(none beyond discovery — …)`, `none framework-specific`, `N/A: …`.
 */
export function isNoneEntry(text: string): boolean {
  const v = text
    .trim()
    .replace(/^\(|\)$/g, '')
    .trim()
    .toLowerCase()
  if (v === '' || dashOnly.test(v)) return true
  const first = /^[a-z/]+/.exec(v)?.[0] ?? ''
  return first === 'none' || first === 'n/a' || first === 'nothing'
}

// Placeholders -----------------------------------------------------------

/** The template's own bracketed texts, as a spec copied from it still has them. */
export const templatePlaceholders = [
  '[Work Title]',
  '[repository name]',
  '[date]',
  '[chunk-name]',
  '[stream-name]',
  '[Sub-task 1]',
  '[Criterion 1 - must be verifiable]',
  '[UNIQUE_COMPLETION_STRING]',
  '[specific-chunk]'
] as const

/** Whether a value is template text or an obvious placeholder. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim()
  return v === '' || /^\[[^\]]*\]$/.test(v) || /^<[^>]*>$/.test(v) || /^(?:TODO|TBD|\?\?\?|xxx|n\/a)$/i.test(v)
}

// Sections -----------------------------------------------------------------

/** The template's sections, in the template's order. */
export const sectionNames = [
  'Meta',
  'Overview',
  'Skills',
  'Requirements',
  'Architecture',
  'Reference Files',
  'Execution Plan',
  'Acceptance Criteria',
  'Completion Promise',
  'Notes'
] as const
export type SectionName = (typeof sectionNames)[number]

/** Sections real specs add that are known but not part of the template. */
export const extraSectionNames = ['Out of Scope', 'Test Sources', 'Work Breakdown'] as const

/** The sections `required-sections` asks for (Notes only under strict). */
export const requiredSectionNames: readonly SectionName[] = sectionNames.filter((name) => name !== 'Architecture' && name !== 'Notes')

// Completion promise -------------------------------------------------------

/** `<promise>NAME_COMPLETE</promise>`: UPPER_SNAKE ending in `_COMPLETE`. */
export const promisePattern = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_COMPLETE$/

/** The promise value derived from a title: `JWT Auth` → `JWT_AUTH_COMPLETE`. */
export function promiseFromTitle(title: string | undefined): string {
  const base = upperSnake((title ?? '').replace(/^\s*(?:spec|discovery)\s*:\s*/i, '').replace(/\[[^\]]*\]/g, ''))
  if (!base) return 'SPEC_COMPLETE'
  return base.endsWith('_COMPLETE') ? base : `${base}_COMPLETE`
}

// The template skeleton ------------------------------------------------------

/** The template's body for a section, as `required-sections` inserts it and init starts from. */
export function sectionSkeleton(name: SectionName, title?: string): string {
  switch (name) {
    case 'Meta':
      return '| Field | Value |\n|-------|-------|\n| Type | [type] |\n| Repo | [repository name] |\n| Status | draft |\n| Created | [date] |'
    case 'Overview':
      return "[What we're building and why. 2-3 paragraphs max.]"
    case 'Skills':
      return 'Load these skills before starting:\n- [skill-name]'
    case 'Requirements':
      return '- [Requirement]'
    case 'Architecture':
      return '- [Key decision, pattern or constraint]'
    case 'Reference Files':
      return '**From Discovery:**\n- `[path]` — [why it matters]\n\n**From Spec Research:**\n- `[path]` — [why it matters]'
    case 'Execution Plan':
      return [
        '### Phase 1: [Name]',
        '',
        '| Chunk | Stream | Outcome | Depends On |',
        '|-------|--------|---------|------------|',
        '| [chunk-name] | [stream] | [what success looks like] | — |',
        '',
        '- [ ] **[chunk-name]**',
        '',
        '  Outcome: [success statement]',
        '  Stream: [stream-name]',
        '  Skills: [skills]',
        '',
        '  - [Sub-task 1]'
      ].join('\n')
    case 'Acceptance Criteria':
      return '- [ ] [Criterion 1 - must be verifiable]\n- [ ] All tests pass: `[test command]`'
    case 'Completion Promise':
      return `<promise>${promiseFromTitle(title)}</promise>`
    case 'Notes':
      return '- [Design decisions, context discovered]'
  }
}

/** Upper-snake name from a title: `JWT Auth System` → `JWT_AUTH_SYSTEM`. */
export function upperSnake(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
}

// Requirements ---------------------------------------------------------------

/**
 * A requirement id as specs write them before the text: `R3`, `FR-2`,
 * `NFR-1`, `REQ-12`, `R1.2`, optionally bold or bracketed (`**R1**:`, `[R2]`).
 */
export const requirementIdPrefix = /^\s*[[(]?(?:\*\*|__)?((?:R|FR|NFR|REQ|RQ|UR|SR|BR|US)-?\d{1,6}(?:\.\d{1,6}){0,3})(?:\*\*|__)?[\])]?(?:\s*[:.)—–-])?\s+/

/** The id a requirement's text starts with, if any. */
export function requirementIdOf(text: string): string | null {
  return requirementIdPrefix.exec(text)?.[1] ?? null
}

/**
 * Words that promise a quality without saying how it is measured, as in
 * "fast", "scalable", "intuitive". `requirements-measurable` asks for a
 * number, a unit, a command or a named behaviour beside them; its `words`
 * option replaces this list.
 */
export const vagueQualityWords = [
  'fast',
  'faster',
  'quick',
  'quickly',
  'performant',
  'efficient',
  'efficiently',
  'scalable',
  'intuitive',
  'intuitively',
  'robust',
  'seamless',
  'seamlessly',
  'user-friendly',
  'easy',
  'easily',
  'simple',
  'reliable',
  'reliably',
  'flexible',
  'smooth',
  'smoothly',
  'lightweight',
  'high-performance',
  'low-latency'
] as const
