import {location} from 'vfile-location'
import type {Point, Position, Section, SectionName, SpecModel} from './model/schema.js'
import {sectionNames} from './model/schema.js'
import {upperSnake} from './model/text.js'

/** The first section with this canonical name. */
export function findSection(spec: SpecModel, name: SectionName): Section | undefined {
  return spec.sections.find((s) => s.canonical === name)
}

/** A zero-width place at a point, for messages whose fix inserts text. */
export function at(point: Point): Position {
  return {start: point, end: point}
}

/** The first point of a file, for messages about the whole document. */
export const fileStart: Point = {line: 1, column: 1, offset: 0}

export function endOfFile(source: string): Point {
  // Every line ending micromark knows: CRLF, LF and a lone CR.
  const lines = source.split(/\r\n|\r|\n/)
  const last = lines[lines.length - 1] ?? ''
  return {line: lines.length, column: last.length + 1, offset: source.length}
}

/** The promise value derived from a title: `JWT Auth` → `JWT_AUTH_COMPLETE`. */
export function promiseFromTitle(title: string | undefined): string {
  const base = upperSnake((title ?? '').replace(/^\s*(?:spec|discovery)\s*:\s*/i, '').replace(/\[[^\]]*\]/g, ''))
  if (!base) return 'SPEC_COMPLETE'
  return base.endsWith('_COMPLETE') ? base : `${base}_COMPLETE`
}

/** The template's body for a section, as `required-sections` inserts it. */
export function sectionSkeleton(name: SectionName, spec: SpecModel): string {
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
      return `<promise>${promiseFromTitle(spec.title?.text)}</promise>`
    case 'Notes':
      return '- [Design decisions, context discovered]'
  }
}

/**
 * Where a missing section belongs: before the first present known section
 * that the template puts after it, else at the end of the file.
 */
export function sectionInsertion(spec: SpecModel, name: SectionName, source: string): {point: Point; before: boolean} {
  const order = sectionNames.indexOf(name)
  // The older `## Work Breakdown` stands where the Execution Plan would.
  const rank = (s: Section) =>
    s.canonical !== null ? sectionNames.indexOf(s.canonical) : s.extra === 'Work Breakdown' ? sectionNames.indexOf('Execution Plan') : -1
  const next = spec.sections.find((s) => rank(s) > order)
  if (next) return {point: next.headingPosition.start, before: true}
  return {point: endOfFile(source), before: false}
}

/** The text a fix inserts for a whole section at `sectionInsertion`'s point. */
export function sectionInsertText(name: SectionName, spec: SpecModel, source: string, before: boolean): string {
  const block = `## ${name}\n\n${sectionSkeleton(name, spec)}\n`
  if (before) return `${block}\n`
  if (source.length === 0) return block
  return (source.endsWith('\n') ? '\n' : '\n\n') + block
}

/** Render values in backticks for messages: `a`, `b` or `c`. */
export function listOf(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`
}

/** Whether a value is template text or an obvious placeholder. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim()
  return v === '' || /^\[[^\]]*\]$/.test(v) || /^<[^>]*>$/.test(v) || /^(?:TODO|TBD|\?\?\?|xxx|n\/a)$/i.test(v)
}

/** The first Meta row for a field, case-insensitively. */
export function metaRow(spec: SpecModel, field: string) {
  return spec.meta?.rows.find((row) => row.field.toLowerCase() === field.toLowerCase())
}

let lastSource: string | undefined
let lastPlace: ReturnType<typeof location> | undefined

/** The point at an offset of the source (one cached index per document). */
export function pointAt(source: string, offset: number): Point {
  if (source !== lastSource || !lastPlace) {
    lastSource = source
    lastPlace = location(source)
  }
  const found = lastPlace.toPoint(Math.max(0, Math.min(offset, source.length)))
  return found && typeof found.offset === 'number' ? {line: found.line, column: found.column, offset: found.offset} : fileStart
}

/** The range of source text between two offsets. */
export function rangeAt(source: string, start: number, end: number): Position {
  return {start: pointAt(source, start), end: pointAt(source, end)}
}

/** Where `needle` occurs inside `within` in the source, else `within` itself. */
export function findIn(source: string, within: Position, needle: string, caseless = false): Position {
  const slice = source.slice(within.start.offset, within.end.offset)
  const index = caseless ? slice.toLowerCase().indexOf(needle.toLowerCase()) : slice.indexOf(needle)
  if (index === -1 || needle === '') return within
  const start = within.start.offset + index
  return rangeAt(source, start, start + needle.length)
}

/** The work type a Meta Type value starts with (`hybrid (…)` → `hybrid`), lower-cased. */
export function leadingType(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const normalized = value.trim().toLowerCase().replace(/[\s_]+/g, '-')
  const known = ['backend-api', 'frontend', 'agent-langgraph', 'agent-dspy', 'hybrid']
  return known.find((type) => normalized === type || normalized.startsWith(`${type}-`) || normalized.startsWith(`${type}(`))
}
