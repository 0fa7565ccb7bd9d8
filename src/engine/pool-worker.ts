import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {rulesById} from '../../rules/index.js'
import {summarize} from '../model/summary.js'
import {specProcessor} from '../parse/processor.js'
import type {InputLimits} from '../parse/limits.js'
import recordRules from './record-rules.js'
import {toWire} from './message-data.js'
import type {WorkerResult} from './pool-wire.js'

export interface WorkerTask {
  path: string
  cwd: string
  value: string
  /** The file's configured rules, by id, with their options. */
  rules: Array<[string, unknown]>
  settings: Record<string, unknown>
  limits: InputLimits
}

// Messages are Errors: their stack traces are never shown and cost a third of a busy file's time.
Error.stackTraceLimit = 0

/** Lint one file in a worker thread: parse, model, per-file rules; the tree stays here. */
export default async function lintInWorker(task: WorkerTask): Promise<WorkerResult> {
  const file = new VFile({path: task.path, cwd: task.cwd, value: task.value})
  const processor = specProcessor(task.limits).data('settings', task.settings)
  for (const [id, options] of task.rules) {
    const plugin = rulesById.get(id)
    if (!plugin) throw new Error(`Unknown rule \`${id}\` in a worker`)
    processor.use(plugin, options)
  }
  processor.use(recordRules)
  const tree: Root = processor.parse(file)
  if (!file.data.specRefused) {
    try {
      await processor.run(tree, file)
    } catch (error) {
      // As unified-engine reports a plugin that throws: one fatal message on the file.
      if (!file.messages.some((message) => message === error))
        file.message('Cannot process file', {cause: error instanceof Error ? error : new Error(String(error))}).fatal = true
    }
  }
  const spec = file.data.spec
  return {
    messages: file.messages.map(toWire),
    summary: spec ? summarize(spec) : {promises: []},
    specRules: file.data.specRules,
    inputs: file.data.specInputs ?? [],
    refused: Boolean(file.data.specRefused),
    local: Boolean(spec && spec.controlComments.length > 0)
  }
}
