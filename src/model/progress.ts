import type {SpecModel} from './schema.js'
import {metaRow} from './queries.js'
import {normalizeStatus} from './vocabulary.js'
import type {Status} from './vocabulary.js'

export interface CheckboxProgress {
  /** Chunks with a checkbox, and how many of them are ticked. */
  chunks: number
  checkedChunks: number
  criteria: number
  checkedCriteria: number
  /**
   * The Status the checkboxes say: everything ticked is `complete`, any
   * chunk or criterion ticked is `in-progress`, nothing is `draft`; null
   * without any checkbox (the checkboxes then say nothing).
   */
  status: Status | null
}

export function checkboxProgress(spec: SpecModel): CheckboxProgress {
  const boxes = spec.chunks.filter((chunk) => chunk.checked !== null)
  const criteria = (spec.acceptance?.criteria ?? []).filter((c) => c.checked !== null)
  const checkedChunks = boxes.filter((chunk) => chunk.checked).length
  const checkedCriteria = criteria.filter((c) => c.checked).length
  let status: Status | null = null
  if (boxes.length > 0 || criteria.length > 0) {
    const done = checkedChunks === boxes.length && checkedCriteria === criteria.length
    status = done ? 'complete' : checkedChunks > 0 || checkedCriteria > 0 ? 'in-progress' : 'draft'
  }
  return {chunks: boxes.length, checkedChunks, criteria: criteria.length, checkedCriteria, status}
}

/**
 * Whether the written Status contradicts the checkboxes the way
 * `status-consistency` reports it: `draft` with a ticked chunk, or
 * `complete` with anything unticked. `in-progress` never contradicts.
 */
export function statusContradicts(spec: SpecModel): boolean {
  const row = metaRow(spec, 'status')
  const status = row ? normalizeStatus(row.value) : undefined
  const progress = checkboxProgress(spec)
  if (progress.status === null) return false
  if (status === 'draft') return progress.checkedChunks > 0
  if (status === 'complete') return progress.status !== 'complete'
  return false
}
