import path from 'node:path'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {formatTree} from '../format/index.js'
import {markdownProcessor} from '../parse/processor.js'
import {engineOptions, getInputLimits, runEngine} from '../engine/engine.js'
import type {Mode} from './types.js'
import {quietOnClosedOutput, readable, reportNoFiles, unifiedDiff} from './run-files.js'
import {writeBack} from './write-back.js'

declare module 'vfile' {
  interface DataMap {
    /** The text a file had before `--format` compiled it. */
    formatSource: string
  }
}

/** Parse and print: no rules run, so a spec with lint errors is formatted all the same. */
function formatProcessor() {
  // The same input limits as linting (size, nesting, invalid UTF-8): a refused file is never rewritten.
  return markdownProcessor(getInputLimits()).use(function (this: Processor) {
    this.compiler = (tree, file) => {
      // The text as read: a byte order mark the parser took off is part of it.
      const text = (file.data.bom ? '\ufeff' : '') + String(file.value ?? '')
      file.data.formatSource = text
      return formatTree(tree as Root, text)
    }
  })
}

/**
 * `--format`: rewrite specs in the canonical form. `--check` writes nothing
 * and lists the files that would change (exit 1 if any); `--diff` writes
 * nothing and prints a unified diff. The engine finds the files (ignore
 * files, extensions) and parses each once; configuration is not loaded, as
 * no rule runs.
 */
export const formatMode: Mode = async (parsed, own) => {
  quietOnClosedOutput()
  const options = {
    ...engineOptions(parsed.engine),
    processor: formatProcessor(),
    detectConfig: false,
    plugins: [],
    settings: {},
    defaultConfig: undefined,
    configTransform: undefined,
    out: false,
    output: false,
    // The engine compiles only when it writes; here the mode writes.
    alwaysStringify: true,
    inspect: false,
    treeOut: false
  }
  const {code, context} = await runEngine(options)
  if (reportNoFiles(options, context)) return 2
  let changed = 0
  const writes: Array<{name: string; path: string; expected: string; value: string}> = []
  for (const file of context?.files ?? []) {
    const before = file.data.formatSource
    if (!readable(file) || before === undefined) continue
    const after = String(file.value)
    if (!file.path) {
      if (own.diff) process.stdout.write(unifiedDiff('<stdin>', before, after))
      else if (!own.check) process.stdout.write(after)
      if (after !== before) changed++
      continue
    }
    if (after === before) continue
    changed++
    const name = path.relative(file.cwd, path.resolve(file.cwd, file.path))
    if (own.diff) process.stdout.write(unifiedDiff(name, before, after))
    else if (own.check) process.stdout.write(name + '\n')
    else writes.push({name, path: path.resolve(file.cwd, file.path), expected: before, value: after})
  }
  const unwritten = await writeBack(writes)
  return code !== 0 ? code : unwritten.size > 0 || (own.check && changed > 0) ? 1 : 0
}
