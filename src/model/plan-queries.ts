import {memoText} from './memo.js'
import {joinLines} from './text.js'
import {isNoneValue} from './vocabulary.js'
import type {Cell, Chunk, DependencyRef, Phase, Plan, Position, SpecModel, Stream} from './schema.js'
import {normalizeTitle} from './text.js'

/** The plan the structural plan rules check: the template's Execution Plan, not the older Work Breakdown. */
export function executionPlan(spec: SpecModel): Plan | null {
  return spec.plan?.form === 'execution-plan' ? spec.plan : null
}

/** `Phase 1: Foundation`, as messages name a phase. */
export function phaseLabel(phase: Phase): string {
  return phase.heading || `phase ${phase.number ?? '?'}`
}

/** A chunk as messages name it: its id when it has one (`C2`), else its title without backticks. */
export function chunkLabel(chunk: Chunk): string {
  return chunk.id ?? chunk.title.replace(/`/g, '')
}

/** The streams a plan declares (empty without a Work Streams table). */
export function declaredStreams(spec: SpecModel): Stream[] {
  return spec.plan?.workStreams?.streams.filter((stream) => stream.name !== '') ?? []
}

/** The first cell among column names (lower case). */
export function cellOf(cells: Record<string, Cell>, ...names: string[]): Cell | undefined {
  for (const name of names) {
    const found = cells[name]
    if (found) return found
  }
  return undefined
}

/** The place of a chunk's title: the row's Chunk cell, else the checklist item's title. */
export function chunkTitlePlace(chunk: Chunk): Position | undefined {
  const cell = chunk.row ? cellOf(chunk.row.cells, 'chunk', 'name', 'title') : undefined
  return cell?.position ?? chunk.detail?.titlePosition ?? chunk.row?.position
}

/** A stream value that means "no stream". */
export function isNoStream(value: string | null | undefined): boolean {
  return isNoneValue(value)
}

/** The line a point is on, from its first to its last character. */
export function lineRange(source: string, position: Position): Position {
  const start = position.start
  const lineEnd = source.indexOf('\n', start.offset)
  const endOffset = lineEnd === -1 ? source.length : lineEnd
  return {start, end: {line: start.line, column: start.column + (endOffset - start.offset), offset: endOffset}}
}

/** `3:5`, for a related place written into a message. */
export function where(position: Position): string {
  return `${position.start.line}:${position.start.column}`
}

/**
 * A list item's text as written (inline code kept), without its marker or
 * checkbox, on one line: wording checks need the backticks `toString` drops.
 */
export function itemSource(source: string, position: Position): string {
  return itemText(source.slice(position.start.offset, position.end.offset))
}

const itemText = memoText((text: string) => joinLines(text.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')).trim())

/** The Execution Plan's own heading, for a message about the plan as a whole. */
export function planHeadingPosition(spec: SpecModel): Position | undefined {
  return spec.sections.find((section) => section.canonical === 'Execution Plan')?.headingPosition
}

/** Phases that hold chunks. */
export function chunkPhases(plan: Plan): Phase[] {
  return plan.phases.filter((phase) => phase.chunks.length > 0)
}

/** What a dependency names, so that the table's and the detail's `Depends On` merge. */
export function refIdentity(ref: DependencyRef): string {
  if (ref.kind === 'chunk') return `chunk:${ref.target ?? ''}`
  if (ref.kind === 'phase') return `phase:${ref.phase ?? ''}`
  if (ref.kind === 'none') return 'none'
  return `text:${normalizeTitle(ref.text)}`
}
