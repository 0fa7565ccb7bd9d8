import type {VFile} from 'vfile'
import {lint} from '../../src/processor.js'
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

export async function lintWithRule(plugin: SpecRulePlugin, input: string, options?: unknown, path?: string): Promise<VFile> {
  const config = options === undefined ? ['error'] : ['error', options]
  return lint(input, {preset: {plugins: [remarkGfm, remarkSpec, [plugin, config]]}, path})
}
