import type {WireMessage} from './message-data.js'
import type {SpecSummary} from '../model/summary.js'
import type {LintInput} from '../parse/inputs.js'

/** What a worker hands back for one file: no tree, no model, only what the run needs. */
export interface WorkerResult {
  messages: WireMessage[]
  summary: SpecSummary
  specRules: string[] | undefined
  /** What the rules read beyond the file (other files, the date): the cache's key needs it. */
  inputs: LintInput[]
  refused: boolean
  /** The file has disable comments: the main thread lints it, so they apply to cross-file messages too. */
  local: boolean
}
