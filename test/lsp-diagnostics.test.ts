import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {toDiagnostic} from '../src/lsp/diagnostics.js'

describe('toDiagnostic', () => {
  it('turns a cause with a place into a related place, and folds any other cause into one line', () => {
    const file = new VFile({value: 'a\nb\n', path: 'specs/a.md'})
    const first = new VFileMessage('First `DONE_COMPLETE` here', {
      place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}},
      ruleId: 'completion-promise-unique'
    })
    const message = file.message('Unexpected duplicate promise `DONE_COMPLETE`', {
      place: {start: {line: 2, column: 1}, end: {line: 2, column: 2}},
      ruleId: 'completion-promise-unique',
      source: 'spec-lint',
      cause: first
    })
    message.url = 'https://example.com/docs/rules/completion-promise-unique.md'
    message.expected = ['']
    const diagnostic = toDiagnostic(message, 'file:///specs/a.md')
    expect(diagnostic).toMatchObject({
      code: 'completion-promise-unique',
      source: 'spec-lint',
      message: 'Unexpected duplicate promise `DONE_COMPLETE`',
      range: {start: {line: 1, character: 0}, end: {line: 1, character: 1}},
      codeDescription: {href: 'https://example.com/docs/rules/completion-promise-unique.md'},
      data: {expected: ['']},
      relatedInformation: [
        {location: {uri: 'file:///specs/a.md', range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}}, message: 'First `DONE_COMPLETE` here'}
      ]
    })
    const broken = file.message('Cannot load the configuration', {cause: new Error('Unknown rule `x`\n    at stack')})
    expect(toDiagnostic(broken, 'file:///specs/a.md').message).toBe('Cannot load the configuration: Unknown rule `x`')
  })

  it('gives a positionless message the first character', () => {
    const message = new VFile().message('Unexpected thing')
    expect(toDiagnostic(message, 'file:///a.md').range).toEqual({start: {line: 0, character: 0}, end: {line: 0, character: 0}})
  })
})
