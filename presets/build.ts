import remarkGfm from 'remark-gfm'
import type {PluggableList, Preset} from 'unified'
import {rules} from '../rules/index.js'
import remarkSpec from '../src/model/plugin.js'

/** A unified preset from the levels the rules declare for a preset name. */
export function buildPreset(name: 'recommended' | 'strict'): Preset {
  const plugins: PluggableList = [remarkGfm, remarkSpec]
  for (const plugin of rules) {
    const {rule} = plugin
    const level = rule[name]
    if (level === 'off') continue
    const options = name === 'strict' ? rule.strictOptions : undefined
    plugins.push([plugin, options ? [level, options] : [level]])
  }
  return {plugins}
}
