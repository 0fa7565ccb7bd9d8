import {describe, expect, it} from 'vitest'
import {lint} from '../src/engine/lint.js'

/*
 * Block-local rules remember each top-level block's findings by its text;
 * the same block lower down must be reported where it now stands.
 */
const body = '## Overview\n\nStill [TBD] here.\n\n## Progress\n\n2026-01-22: finished the login\n\n- TODO write it\n'

function places(messages: Array<{ruleId?: string | null; line?: number | null; column?: number | null; place?: unknown}>, rules: string[]) {
  return messages.filter((message) => rules.includes(message.ruleId ?? '')).map((message) => ({rule: message.ruleId, place: message.place}))
}

describe('block-local findings, remembered by text', () => {
  const rules = ['no-placeholders', 'no-progress-in-spec']

  it('moves a remembered block to where it now stands', async () => {
    const first = await lint(`# T\n\n${body}`, {path: 'specs/example.md'})
    const moved = await lint(`# T\n\nA first\nparagraph.\n\n${body}`, {path: 'specs/example.md'})
    const shift = 'A first\nparagraph.\n\n'.length
    const expected = places(first.messages, rules).map(({rule, place}) => {
      const {start, end} = place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
      return {
        rule,
        place: {start: {...start, line: start.line + 3, offset: start.offset + shift}, end: {...end, line: end.line + 3, offset: end.offset + shift}}
      }
    })
    expect(expected.length).toBeGreaterThanOrEqual(4)
    expect(places(moved.messages, rules)).toEqual(expected)
  })

  it('reads the section a block is in: an entry under Notes is fine', async () => {
    const inNotes = await lint('# T\n\n## Notes\n\n2026-01-22: finished the login\n', {path: 'specs/example.md'})
    const inOverview = await lint('# T\n\n## Overview\n\n2026-01-22: finished the login\n', {path: 'specs/example.md'})
    expect(places(inNotes.messages, ['no-progress-in-spec'])).toEqual([])
    expect(places(inOverview.messages, ['no-progress-in-spec'])).toHaveLength(1)
  })

  it('does not remember blocks of a document with a link reference definition', async () => {
    // The block without the definition first: its finding is remembered, and must not be used below.
    const undefinedReference = await lint('# T\n\n## Overview\n\nSee [Work Title].\n', {path: 'specs/example.md'})
    const defined = await lint('# T\n\n## Overview\n\nSee [Work Title].\n\n[Work Title]: https://example.com\n', {path: 'specs/example.md'})
    expect(places(defined.messages, ['no-placeholders'])).toEqual([])
    expect(places(undefinedReference.messages, ['no-placeholders'])).toHaveLength(1)
  })
})
