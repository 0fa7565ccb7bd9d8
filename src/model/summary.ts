import {buildSpec} from './build.js'
import type {CompletionPromise, SpecModel} from './schema.js'

/**
 * What cross-file rules read from a file's model once its own rules are
 * done: kept after the tree is dropped and stored with a cache entry. A
 * cross-file rule that needs more of the model adds the field here.
 */
export interface SpecSummary {
  promises: CompletionPromise[]
}

export function summarize(spec: SpecModel): SpecSummary {
  return {promises: spec.promises}
}

const emptyRoot = {type: 'root' as const, children: []}

/** A model holding only the summary, for `file.data.spec` after the tree is gone. */
export function specFromSummary(summary: SpecSummary): SpecModel {
  const spec = buildSpec(emptyRoot, '')
  spec.promises = summary.promises
  spec.promise = summary.promises[0] ?? null
  return spec
}
