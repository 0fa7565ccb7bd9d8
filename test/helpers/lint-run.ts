import type {Pluggable, PluggableList, Preset} from 'unified'
import {VFile} from 'vfile'
import recommended from '../../presets/recommended.js'
import {specProcessor} from '../../src/parse/processor.js'

type Completer = (set: RunFileSet) => void | Promise<void>

/**
 * The part of unified-engine's `FileSet` that cross-file rules use: the
 * files of the run (`valueOf`) and completers that run once all are done.
 */
export class RunFileSet {
  readonly files: VFile[] = []
  readonly completers: Completer[] = []
  valueOf(): VFile[] {
    return this.files
  }
  use(completer: Completer): this {
    if (!this.completers.includes(completer)) this.completers.push(completer)
    return this
  }
}

function entries(preset: Preset | PluggableList): Pluggable[] {
  if (Array.isArray(preset)) return preset
  return preset.plugins ?? []
}

/**
 * Lint several documents in memory as one run, as the CLI does: each plugin
 * gets the run's file set, so cross-file rules (`completion-promise-unique`)
 * see every file.
 */
export async function lintRun(documents: ReadonlyArray<{value: string; path: string}>, options: {preset?: Preset | PluggableList} = {}): Promise<VFile[]> {
  const set = new RunFileSet()
  for (const document of documents) {
    const file = new VFile(document)
    set.files.push(file)
    const processor = specProcessor()
    for (const entry of entries(options.preset ?? recommended)) {
      if (Array.isArray(entry)) {
        const [plugin, ...parameters] = entry as [Pluggable, ...unknown[]]
        processor.use(plugin as never, parameters[0], set)
      } else if (typeof entry === 'function') {
        processor.use(entry as never, undefined, set)
      } else {
        processor.use(entry)
      }
    }
    await processor.run(processor.parse(file), file)
  }
  for (const completer of set.completers) await completer(set)
  return set.files
}
