import type {VFile} from 'vfile'
import {lintRun} from './lint-run.js'
import {lint} from '../../src/engine/lint.js'
import type {SpecRulePlugin} from '../../src/rule.js'
import remarkSpec from '../../src/model/plugin.js'
import remarkGfm from 'remark-gfm'

/** `line:column-line:column: reason`, the way rule examples write messages. */
export function formatMessage(message: VFile['messages'][number]): string {
  const place = message.place
  let where = ''
  if (place && 'start' in place) {
    const {start, end} = place
    where = start.line === end.line && start.column === end.column ? `${start.line}:${start.column}` : `${start.line}:${start.column}-${end.line}:${end.column}`
  } else if (place) {
    where = `${place.line}:${place.column}`
  } else {
    where = '0:0'
  }
  return `${where}: ${message.reason}`
}

export async function lintWithRule(
  plugin: SpecRulePlugin,
  input: string,
  options?: unknown,
  path?: string,
  others?: ReadonlyArray<{path: string; input: string}>
): Promise<VFile> {
  const config = options === undefined ? ['error'] : ['error', options]
  const preset = {plugins: [remarkGfm, remarkSpec, [plugin, config]]}
  if (!others || others.length === 0) return lint(input, {preset: preset as never, path})
  // Cross-file rules: the other specs and this one form one run.
  const files = await lintRun([...others.map((other) => ({value: other.input, path: other.path})), {value: input, path: path ?? 'specs/example.md'}], {
    preset: preset as never
  })
  return files[files.length - 1] as VFile
}
