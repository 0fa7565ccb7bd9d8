import type {Section, SpecModel, Point} from './schema.js'
import {endOfFile} from './positions.js'
import {sectionNames, sectionSkeleton} from './vocabulary.js'
import type {SectionName} from './vocabulary.js'

/** The first section with this canonical name. */
export function findSection(spec: SpecModel, name: SectionName): Section | undefined {
  return spec.sections.find((s) => s.canonical === name)
}

/** The first Meta row for a field, case-insensitively. */
export function metaRow(spec: SpecModel, field: string) {
  return spec.meta?.rows.find((row) => row.field.toLowerCase() === field.toLowerCase())
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
  const block = `## ${name}\n\n${sectionSkeleton(name, spec.title?.text)}\n`
  if (before) return `${block}\n`
  if (source.length === 0) return block
  return (source.endsWith('\n') ? '\n' : '\n\n') + block
}
