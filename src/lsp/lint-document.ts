import type {Pluggable, PluggableList, Preset} from 'unified'
import type {VFile} from 'vfile'
import {specProcessor} from '../parse/index.js'
import type {InputLimits} from '../parse/index.js'
import type {ParsedText} from './reparse.js'
import {buildSpec} from '../model/build.js'
import type {ModelReuse} from '../model/build.js'

export interface LintSetup {
  plugins: Preset | PluggableList
  settings?: Record<string, unknown>
  limits?: InputLimits
}

export interface LintRun {
  /** The model takes over the unchanged phases of the previous run on the same document. */
  reuse?: ModelReuse
  /** Asked between rules: true when the run's result is no longer wanted (a newer version arrived). */
  stale?: () => boolean
}

/** A run given up between two rules because its result is no longer wanted. */
export class LintCancelled extends Error {
  constructor() {
    super('Lint run cancelled: a newer version of the document arrived')
    this.name = 'LintCancelled'
  }
}

/** How many rules run between two looks at the event loop. */
const rulesPerTurn = 4

/*
 * Rules are synchronous, so a run holds the event loop until it ends: a
 * keystroke that arrives meanwhile waits, and then so does its lint. A
 * pause every few rules lets the server read the newer version and give up
 * this run instead of finishing it in vain.
 */
function pause(stale: () => boolean): Pluggable {
  return function () {
    return () =>
      new Promise<undefined>((resolve, reject) => {
        setImmediate(() => (stale() ? reject(new LintCancelled()) : resolve(undefined)))
      })
  }
}

function withPauses(plugins: PluggableList, stale: () => boolean): PluggableList {
  const out: PluggableList = []
  plugins.forEach((plugin, index) => {
    if (index % rulesPerTurn === 0) out.push(pause(stale))
    out.push(plugin)
  })
  return out
}

/**
 * Run the model builder and the rules on an already parsed document, the
 * way `lint()` does after its parse: a refused input keeps its one message.
 * Rejects with `LintCancelled` when `run.stale` says the result is no
 * longer wanted.
 */
export async function lintParsed(
  parsed: ParsedText,
  file: VFile,
  plugins: LintSetup['plugins'],
  settings?: LintSetup['settings'],
  run: LintRun = {}
): Promise<void> {
  if (file.data.specRefused) return
  const text = String(file.value ?? '')
  if (run.reuse && !text.includes('\u0000')) file.data.spec = buildSpec(parsed.tree, text, run.reuse)
  const processor = specProcessor().data('settings', settings ?? {})
  if (Array.isArray(plugins)) processor.use(run.stale ? withPauses(plugins, run.stale) : plugins)
  else processor.use(plugins)
  await processor.run(parsed.tree, file)
}
