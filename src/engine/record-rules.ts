import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {parseRuleConfig} from '../rule.js'
import type {SpecRulePlugin} from '../rule.js'

declare module 'vfile' {
  interface DataMap {
    /** Ids of the spec-lint rules that ran on the file (not `off`). */
    specRules: string[]
  }
}

export function isSpecRule(value: unknown): value is SpecRulePlugin {
  return typeof value === 'function' && 'rule' in value
}

/**
 * Record which rules run on each file, so reporters (SARIF's
 * `tool.driver.rules`) can list every rule that ran, not only the ones that
 * reported. Attached to the base processor: when it is attached, every
 * configured plugin has already been `use`d, so `this.attachers` is complete.
 */
export default function recordRules(this: Processor) {
  const ids: string[] = []
  for (const [plugin, config] of this.attachers) {
    if (!isSpecRule(plugin)) continue
    try {
      if (parseRuleConfig(plugin.rule, config).level !== 'off') ids.push(plugin.rule.id)
    } catch {
      // An invalid configuration fails when the rule itself is attached.
    }
  }
  return function (_: unknown, file: VFile): undefined {
    file.data.specRules = ids
  }
}
