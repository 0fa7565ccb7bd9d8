import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {editsOf, fixText} from '../src/edit/apply.js'
import {formatMessage, lintWithRule} from './helpers/lint.js'

describe.each(rules.map((plugin) => [plugin.rule.id, plugin] as const))('%s', (id, plugin) => {
  const {rule} = plugin

  it('declares its id, docs and examples', () => {
    expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    expect(rule.summary.length).toBeGreaterThan(10)
    expect(rule.examples.valid.length).toBeGreaterThanOrEqual(2)
    expect(rule.examples.invalid.length).toBeGreaterThanOrEqual(3)
    if (rule.fixable) expect(rule.examples.invalid.some((example) => example.output !== undefined)).toBe(true)
  })

  it.each(rule.examples.valid.map((example, index) => [example.name ?? `valid ${index + 1}`, example] as const))('valid: %s', async (_name, example) => {
    const file = await lintWithRule(plugin, example.input, example.options, example.path, example.files)
    expect(file.messages.map(formatMessage)).toEqual([])
  })

  it.each(rule.examples.invalid.map((example, index) => [example.name ?? `invalid ${index + 1}`, example] as const))('invalid: %s', async (_name, example) => {
    const file = await lintWithRule(plugin, example.input, example.options, example.path, example.files)
    expect(file.messages.map(formatMessage)).toEqual(example.messages ?? [])
    for (const message of file.messages) {
      expect(message.ruleId).toBe(id)
      expect(message.source).toBe('spec-lint')
      expect(message.url).toContain(id)
    }
    const lintText = (value: string) => lintWithRule(plugin, value, example.options, example.path, example.files)
    const fixed = await fixText(example.input, lintText)
    if (example.output === undefined) {
      expect(fixed.text).toBe(example.input)
    } else {
      expect(rule.fixable).toBe(true)
      expect(fixed.text).toBe(example.output)
      expect(editsOf(fixed.file)).toEqual([])
    }
  })
})
