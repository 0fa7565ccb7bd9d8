import fc from 'fast-check'
import type {Node} from 'unist'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../src/parse/index.js'
import {reparse} from '../src/lsp/reparse.js'
import type {ParsedText} from '../src/lsp/reparse.js'
import {lintParsed} from '../src/lsp/lint-document.js'
import {lint} from '../src/engine/lint.js'
import recommended from '../presets/recommended.js'
import {awkwardSpecText, specText} from './helpers/spec-arbitrary.js'

/** What an editor does to a document: type, delete, paste a line, join lines. */
const edit = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true}),
  remove: fc.nat({max: 12}),
  insert: fc.constantFrom(
    '',
    'x',
    ' ',
    '\n',
    '\n\n',
    '#',
    '# ',
    '- ',
    '|',
    '`',
    '```',
    '> ',
    '*',
    '1. ',
    '---',
    '<promise>',
    'word',
    '- [ ] ',
    '| a | b |\n|---|---|\n',
    '\r\n',
    ']: '
  )
})

function applyEdit(text: string, {at, remove, insert}: {at: number; remove: number; insert: string}): string {
  const start = Math.floor(at * text.length)
  return text.slice(0, start) + insert + text.slice(start + remove)
}

const strip = (tree: Node) => JSON.parse(JSON.stringify(tree)) as unknown

function fullTree(text: string) {
  return strip(parseMarkdown(new VFile({value: text})).tree)
}

describe('incremental reparse', () => {
  it('equals a full parse after every edit of a random sequence', () => {
    let reused = 0
    fc.assert(
      fc.property(fc.oneof(specText, awkwardSpecText), fc.array(edit, {minLength: 1, maxLength: 12}), (start, edits) => {
        let text = start
        let parsed: ParsedText = reparse(undefined, new VFile({value: text}))
        for (const step of edits) {
          text = applyEdit(text, step)
          parsed = reparse(parsed, new VFile({value: text}))
          if (!parsed.full) reused++
          expect(strip(parsed.tree)).toEqual(fullTree(text))
        }
      }),
      {numRuns: 150}
    )
    // The property is only worth something if most edits took the short way.
    expect(reused).toBeGreaterThan(300)
  })

  it('lints to the same messages as a full lint', async () => {
    await fc.assert(
      fc.asyncProperty(specText, fc.array(edit, {minLength: 1, maxLength: 6}), async (start, edits) => {
        let text = start
        let parsed: ParsedText | undefined
        for (const step of [undefined, ...edits]) {
          if (step) text = applyEdit(text, step)
          const file = new VFile({value: text, path: 'specs/example.md'})
          parsed = reparse(parsed, file)
          await lintParsed(parsed, file, recommended)
          const full = await lint(text, {path: 'specs/example.md'})
          expect(file.messages.map(String)).toEqual(full.messages.map(String))
        }
      }),
      {numRuns: 40}
    )
  })
})
