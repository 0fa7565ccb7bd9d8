import {z} from 'zod'
import {normalizeStatus} from '../model/vocabulary.js'
import type {Position, SpecModel} from '../model/schema.js'
import {buildSchedule, readyChunks} from './schedule.js'

/*
 * `spec-lint status`: progress of a spec from its checkboxes, and whether
 * its Meta Status agrees with them. Status moves draft → in-progress →
 * complete, so:
 *   - `complete` with an unchecked chunk or criterion is behind the truth;
 *   - `draft` with a checked chunk means work started (`in-progress`);
 *   - `in-progress` with every chunk and criterion checked is `complete`.
 * Specs whose chunks and criteria have no checkboxes at all are not judged.
 */

const countSchema = z.object({done: z.number().int().min(0), total: z.number().int().min(0)})

export const specStatusSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  /** Meta Status as written, null when there is none. */
  status: z.string().nullable(),
  /** Phases with chunks, and how many of those have every chunk checked. */
  phases: countSchema,
  chunks: countSchema,
  criteria: countSchema,
  /** The ready chunks (unchecked, dependencies checked), in phase order. */
  next: z.array(z.object({key: z.string(), title: z.string()})),
  promise: z.string().nullable(),
  /** Why the Meta Status disagrees with the checkboxes; null when it agrees or cannot be judged. */
  mismatch: z
    .object({
      reason: z.string(),
      expected: z.enum(['draft', 'in-progress', 'complete']),
      line: z.number().int().min(1),
      column: z.number().int().min(1)
    })
    .nullable()
})

export const statusReportSchema = z.object({specs: z.array(specStatusSchema)})

export type SpecStatus = z.infer<typeof specStatusSchema>

export function statusJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(statusReportSchema, {target: 'draft-2020-12'})
}

export function specStatus(spec: SpecModel, file: string): SpecStatus {
  const chunks = spec.chunks
  const chunksDone = chunks.filter((chunk) => chunk.checked === true).length
  const phaseIndices = [...new Set(chunks.map((chunk) => chunk.phaseIndex))]
  const phasesDone = phaseIndices.filter((index) => chunks.every((chunk) => chunk.phaseIndex !== index || chunk.checked === true)).length
  const criteria = spec.acceptance?.criteria ?? []
  const criteriaDone = criteria.filter((criterion) => criterion.checked === true).length
  const schedule = buildSchedule(spec)
  const next = readyChunks(schedule.graph).map((chunk) => ({key: chunk.key, title: chunk.title}))

  const boxes = chunks.filter((chunk) => chunk.checked !== null).length + criteria.filter((criterion) => criterion.checked !== null).length
  const checked = chunksDone + criteriaDone
  const allDone = boxes > 0 && checked === chunks.length + criteria.length
  const row = spec.meta?.rows.find((r) => r.field.trim().toLowerCase() === 'status')
  const written = spec.meta?.status ?? null
  const normal = written === null ? undefined : normalizeStatus(written)
  let mismatch: SpecStatus['mismatch'] = null
  const place = (position: Position | undefined) => ({line: position?.start.line ?? 1, column: position?.start.column ?? 1})
  if (normal && boxes > 0) {
    const unchecked = chunks.length - chunksDone + (criteria.length - criteriaDone)
    if (normal === 'complete' && unchecked > 0) {
      mismatch = {
        reason: `Unexpected Status \`${written}\` with ${describe(chunks.length - chunksDone, 'chunk')}${chunks.length - chunksDone > 0 && criteria.length - criteriaDone > 0 ? ' and ' : ''}${describe(criteria.length - criteriaDone, 'criterion', 'criteria')} unchecked, expected \`in-progress\``,
        expected: 'in-progress',
        ...place(row?.valuePosition)
      }
    } else if (normal === 'in-progress' && allDone) {
      mismatch = {
        reason: `Unexpected Status \`${written}\` with every chunk and criterion checked, expected \`complete\``,
        expected: 'complete',
        ...place(row?.valuePosition)
      }
    } else if (normal === 'draft' && checked > 0) {
      mismatch = {
        reason: `Unexpected Status \`${written}\` with ${checked} checked ${checked === 1 ? 'box' : 'boxes'}, expected \`${allDone ? 'complete' : 'in-progress'}\``,
        expected: allDone ? 'complete' : 'in-progress',
        ...place(row?.valuePosition)
      }
    }
  }

  return {
    file,
    title: spec.title?.text ?? null,
    status: written,
    phases: {done: phasesDone, total: phaseIndices.length},
    chunks: {done: chunksDone, total: chunks.length},
    criteria: {done: criteriaDone, total: criteria.length},
    next,
    promise: spec.promise?.value ?? null,
    mismatch
  }
}

function describe(count: number, one: string, many = `${one}s`): string {
  if (count === 0) return ''
  return `${count} ${count === 1 ? one : many}`
}

/** One table, a row per spec; mismatches follow as `file:line:column  reason` lines. */
export function renderStatusTable(rows: SpecStatus[]): string {
  const header = ['Spec', 'Status', 'Phases', 'Chunks', 'Criteria', 'Next', 'Promise']
  const cells = rows.map((row) => [
    row.file,
    (row.status ?? '–') + (row.mismatch ? ' (!)' : ''),
    `${row.phases.done}/${row.phases.total}`,
    `${row.chunks.done}/${row.chunks.total}`,
    `${row.criteria.done}/${row.criteria.total}`,
    nextCell(row),
    row.promise ?? '–'
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => (cell[i] as string).length)))
  const line = (cell: string[]) =>
    cell
      .map((value, i) => value.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd()
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)]
  const flagged = rows.filter((row) => row.mismatch)
  if (flagged.length > 0) {
    out.push('')
    for (const row of flagged) {
      const m = row.mismatch as NonNullable<SpecStatus['mismatch']>
      out.push(`${row.file}:${m.line}:${m.column}  ${m.reason}`)
    }
  }
  return out.join('\n') + '\n'
}

function nextCell(row: SpecStatus): string {
  if (row.chunks.total > 0 && row.chunks.done === row.chunks.total) return 'done'
  if (row.next.length === 0) return '–'
  const keys = row.next.map((chunk) => chunk.key)
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} +${keys.length - 3}`
}
