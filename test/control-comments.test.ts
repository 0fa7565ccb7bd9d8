import {describe, expect, it} from 'vitest'
import {rules, rulesById} from '../rules/index.js'
import {lint} from '../src/engine/lint.js'
import {formatMessage, lintWithRule} from './helpers/lint.js'

describe('disable comments work for every rule', () => {
  it.each(rules.map((plugin) => [plugin.rule.id, plugin] as const))('%s', async (id, plugin) => {
    const example = plugin.rule.examples.invalid[0]
    expect(example, `${id} has an invalid example`).toBeDefined()
    if (!example) return
    const run = (input: string) => lintWithRule(plugin, input, example.options, example.path, example.files)
    const before = await run(example.input)
    expect(before.messages.filter((m) => m.ruleId === id).length).toBeGreaterThan(0)
    const after = await run(`<!-- spec-lint disable ${id} -->\n\n${example.input}`)
    expect(after.messages.filter((m) => m.ruleId === id).map(formatMessage)).toEqual([])
  })
})

const placeholders = rulesById.get('no-placeholders')
if (!placeholders) throw new Error('no-placeholders is not registered')

describe('enable and ignore', () => {
  it('`enable` turns a disabled rule back on from that point', async () => {
    const input = [
      '# T',
      '',
      '<!-- spec-lint disable no-placeholders -->',
      '',
      '## Requirements',
      '',
      '- Retry policy: TBD',
      '',
      '<!-- spec-lint enable no-placeholders -->',
      '',
      '## Architecture',
      '',
      '- Queue: TBD',
      ''
    ].join('\n')
    const file = await lintWithRule(placeholders, input)
    expect(file.messages.map(formatMessage)).toEqual(['13:10-13:13: Unexpected placeholder `TBD`, expected the spec’s own text'])
  })

  it('`ignore` silences the next node only', async () => {
    const input = ['# T', '', '## Requirements', '', '<!-- spec-lint ignore no-placeholders -->', '', '- Retry policy: TBD', '', 'Limits: TBD', ''].join('\n')
    const file = await lintWithRule(placeholders, input)
    expect(file.messages.map(formatMessage)).toEqual(['9:9-9:12: Unexpected placeholder `TBD`, expected the spec’s own text'])
  })

  it('`disable` of another rule leaves this one on', async () => {
    const input = '# T\n\n<!-- spec-lint disable section-order -->\n\n## Requirements\n\n- TBD\n'
    const file = await lintWithRule(placeholders, input)
    expect(file.messages.map(formatMessage)).toEqual(['7:3-7:6: Unexpected placeholder `TBD`, expected the spec’s own text'])
  })

  it('a bare `disable` silences every rule under the recommended preset', async () => {
    const file = await lint('<!-- spec-lint disable -->\n\n## Requirements\n\n- TBD\n')
    expect(file.messages.map(formatMessage)).toEqual([])
  })
})
