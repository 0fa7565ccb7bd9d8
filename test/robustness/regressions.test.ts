import fc from 'fast-check'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {consumeFromFirstEdit, originalConsume} from '../../src/parse/micromark-linear.js'
import {EditMap} from 'micromark-util-edit-map'
import {checkInput, parseSize} from '../../src/parse/limits.js'
import {joinLines} from '../../src/model/text.js'
import {lint} from '../../src/engine/lint.js'
import {generatedMarkdown} from './support.js'

describe('bugs the robustness suite found', () => {
  it('places messages in a file with a BOM where the text is (not one character early)', async () => {
    const value = '\uFEFF# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | In Progress |\n'
    const file = await lint(value)
    const place = file.messages.find((m) => m.ruleId === 'meta-status')?.place
    // Offsets count in the text the file holds: the BOM is set aside before parsing.
    const held = String(file.value)
    expect(held).toBe(value.slice(1))
    expect(place && 'start' in place ? place.start : undefined).toMatchObject({line: 7, column: 12})
    expect(place && 'start' in place ? held.slice(place.start.offset, place.end.offset) : '').toBe('In Progress')
  })

  it('ends the file at the last line when lines end with a lone CR', async () => {
    const file = await lint('# T\r\rtext\r')
    const missing = file.messages.find((m) => m.ruleId === 'required-sections')
    const place = missing?.place
    expect(place && 'start' in place ? place.start : undefined).toMatchObject({line: 4, column: 1, offset: 10})
  })

  it('offers no fix that would land inside an unclosed fence or comment', async () => {
    for (const open of ['```\ncode', '<!-- half a comment']) {
      const file = await lint(`# T\n\n${open}\n`)
      const missing = file.messages.filter((m) => m.ruleId === 'required-sections')
      expect(missing.length).toBeGreaterThan(0)
      expect(missing.every((m) => m.expected === undefined)).toBe(true)
    }
    const closed = await lint('# T\n\n```\ncode\n```\n')
    expect(closed.messages.find((m) => m.ruleId === 'required-sections')?.expected).toBeDefined()
  })

  it('joins lines like `\\s*\\n\\s*` → space does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\t', '\r', '\u00A0', 'b'), {maxLength: 30}), (chars) => {
        const text = chars.join('')
        expect(joinLines(text)).toBe(text.replace(/\s*\n\s*/g, ' '))
      })
    )
  })

  it('parses to the same tree with the linear EditMap as with micromark’s own', () => {
    const parse = (value: string, consume: typeof originalConsume) => {
      EditMap.prototype.consume = consume
      try {
        return JSON.stringify(fromMarkdown(value))
      } finally {
        EditMap.prototype.consume = consumeFromFirstEdit as typeof originalConsume
      }
    }
    fc.assert(
      fc.property(generatedMarkdown, (value) => {
        expect(parse(value, consumeFromFirstEdit as typeof originalConsume)).toBe(parse(value, originalConsume))
      }),
      {numRuns: 60, seed: 1}
    )
    const quotes = '> a\n>\n> - b\n>   > c\n\n'.repeat(50) + '- x\n\n  > y\nlazy\n'
    expect(parse(quotes, consumeFromFirstEdit as typeof originalConsume)).toBe(parse(quotes, originalConsume))
  })

  it('measures nesting as markers plus the indentation before them', () => {
    expect(checkInput('- '.repeat(65) + 'x')?.reason).toBe('Unexpected 65 nested lists or block quotes, expected at most 64')
    expect(checkInput('- '.repeat(64) + 'x')).toBeUndefined()
    expect(checkInput(' '.repeat(10_000) + 'indented code, not nesting')).toBeUndefined()
    expect(checkInput('>'.repeat(30) + ' ' + '1. '.repeat(30) + '* '.repeat(5))?.ruleId).toBe('nesting-too-deep')
    expect(checkInput(' '.repeat(200) + '- deep by indentation')?.ruleId).toBe('nesting-too-deep')
  })

  it('reads sizes for --max-size', () => {
    expect(parseSize('10mb')).toBe(10 * 1024 * 1024)
    expect(parseSize('512 KB')).toBe(512 * 1024)
    expect(parseSize('1.5m')).toBe(1.5 * 1024 * 1024)
    expect(parseSize('2048')).toBe(2048)
    for (const bad of ['', '0', 'ten', '-5mb', '5tb']) expect(parseSize(bad), bad).toBeUndefined()
  })
})
