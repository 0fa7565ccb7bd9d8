import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {stripBom} from '../src/parse/bom.js'
import specFormat, {formatSpec, formatTree} from '../src/format/index.js'
import {buildSpec} from '../src/model/build.js'
import {comparableModel, corpusFiles, fixtureFiles, lostWord, parse, root} from './helpers/documents.js'
import {awkwardSpecText, specText} from './helpers/spec-arbitrary.js'

/** The three guarantees of the canonical form, for one document. */
function expectGuarantees(input: string): void {
  // Each text is parsed once, as the printer and the model builder share a tree.
  const before = parse(input)
  const once = formatTree(before, input)
  const after = parse(once)
  expect(formatTree(after, once), 'idempotent').toBe(once)
  const specs = [buildSpec(before, input), buildSpec(after, once)] as const
  expect(comparableModel(specs[1]), 'model-preserving').toEqual(comparableModel(specs[0]))
  expect(lostWord(input, once, specs), 'text-preserving').toBeUndefined()
}

const documents = [...fixtureFiles(), ...corpusFiles()]

describe('canonical form over every fixture and corpus document', () => {
  it.each(documents.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
    expectGuarantees(fs.readFileSync(file, 'utf8'))
  })
})

/** A tree without positions, line endings as LF: what the printer must give back (Meta aside). */
function bare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(bare)
  if (typeof node === 'string') return node.replace(/\r\n?/g, '\n')
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'position')
      .map(([key, value]) => [key, bare(value)])
  )
}

describe('canonical form over generated specs', () => {
  it('is idempotent, model-preserving and text-preserving', () => {
    fc.assert(
      fc.property(fc.oneof(specText, awkwardSpecText), (input) => {
        expectGuarantees(input)
      }),
      {numRuns: 150}
    )
  })

  it('prints the same Markdown tree, outside the Meta rows it orders', () => {
    fc.assert(
      fc.property(awkwardSpecText, (generated) => {
        const input = generated.replace(/Meta/g, 'Xmeta')
        const once = formatSpec(input)
        expect(bare(parse(once))).toEqual(bare(parse(input)))
      }),
      {numRuns: 100}
    )
  })
})

describe('formatSpec', () => {
  it('adds no backslash escapes nobody typed', () => {
    const input = 'We save ~20 gigs of Q&A data for [ABC-124], (NS-101), [x] marks, snake_case and a*b.\n'
    expect(formatSpec(input)).toBe(input)
  })

  it.each([
    ['an unchecked box', '*\n[ ] pick a carrier\n', '[ ] pick a carrier'],
    ['a checked box in a block quote', '> -\n> [x] pick a carrier\n', '[x] pick a carrier']
  ])('keeps %s after an empty list item as the text it is', (_name, body, text) => {
    const input = `# Shipping\n\n${body}`
    const tree = parse(input)
    expect(JSON.stringify(tree)).not.toContain('"checked":false')
    const formatted = formatSpec(input)
    expect(formatted).toContain(text)
    expect(formatSpec(formatted)).toBe(formatted)
  })

  it('keeps escapes that were typed', () => {
    const input = 'Not \\*emphasis\\*, not \\_this\\_ and \\[not a link\\].\n'
    expect(formatSpec(input)).toBe(input)
  })

  it('keeps promises, HTML comments and em-dash cells', () => {
    const input = [
      '<!-- spec-lint disable meta-status -->',
      '',
      '| Chunk | Depends On |',
      '|---|---|',
      '| Export job model | — |',
      '',
      '<promise>INVOICE_EXPORT_API_COMPLETE</promise>',
      ''
    ].join('\n')
    expect(formatSpec(input)).toBe(
      [
        '<!-- spec-lint disable meta-status -->',
        '',
        '| Chunk            | Depends On |',
        '| ---------------- | ---------- |',
        '| Export job model | —          |',
        '',
        '<promise>INVOICE_EXPORT_API_COMPLETE</promise>',
        ''
      ].join('\n')
    )
  })

  it('aligns tables by display width, keeping escaped pipes and code with pipes', () => {
    const input = '| Name | Value |\n|:-|-:|\n| 中文 | `a \\| b` |\n| 😀 | x \\| y |\n'
    expect(formatSpec(input)).toBe(['| Name |    Value |', '| :--- | -------: |', '| 中文 | `a \\| b` |', '| 😀   |   x \\| y |', ''].join('\n'))
  })

  it('keeps a list directly under its lead-in line', () => {
    const input = '## Skills\n\nLoad these skills before starting:\n* backend-api\n* background-jobs\n'
    expect(formatSpec(input)).toBe('## Skills\n\nLoad these skills before starting:\n- backend-api\n- background-jobs\n')
  })

  it('writes `-` bullets, `- [x]` checkboxes, ATX headings, `---` rules and fenced code', () => {
    const input = 'Title\n=====\n\nSection\n-------\n* [X] done\n+ [ ] todo\n\n***\n\n    code\n'
    expect(formatSpec(input)).toBe('# Title\n\n## Section\n\n- [x] done\n\n* [ ] todo\n\n---\n\n```\ncode\n```\n')
  })

  it('puts the Meta rows in template order, the rest after them', () => {
    const input =
      '## Meta\n\n| Field | Value |\n|---|---|\n| Discovery | d.md |\n| Created | 2026-01-02 |\n| Status | draft |\n| Repo | r |\n| Type | frontend |\n'
    expect(formatSpec(input)).toBe(
      [
        '## Meta',
        '',
        '| Field     | Value      |',
        '| --------- | ---------- |',
        '| Type      | frontend   |',
        '| Repo      | r          |',
        '| Status    | draft      |',
        '| Created   | 2026-01-02 |',
        '| Discovery | d.md       |',
        ''
      ].join('\n')
    )
    expect(formatSpec('## Meta\n\n- **Status:** draft\n- **Type:** frontend\n')).toBe('## Meta\n\n- **Type:** frontend\n- **Status:** draft\n')
  })

  it('keeps CRLF line endings, a BOM, and ends with one newline', () => {
    expect(formatSpec('\ufeff# T\r\n\r\n\r\n* a\r\n* b')).toBe('\ufeff# T\r\n\r\n- a\r\n- b\r\n')
    expect(formatSpec('# T\n\n\n')).toBe('# T\n')
    expect(formatSpec('')).toBe('')
  })

  it('re-indents continuation lines, keeping the ones that would start a block indented', () => {
    const input = '- item\n      continued\n\nText\n    - not a list\n    > not a quote\n\n> quoted\n    > not nested\n'
    expect(formatSpec(input)).toBe('- item\n  continued\n\nText\n    - not a list\n    > not a quote\n\n> quoted\n>     > not nested\n')
  })

  it('escapes a paragraph that would read as a list once its indented code is fenced', () => {
    expect(formatSpec('    code\n\n2. text\n')).toBe('```\ncode\n```\n\n2\\. text\n')
  })

  it('escapes a trailing `#` when a setext heading becomes ATX', () => {
    expect(formatSpec('Heading with C#\n---\n\nA #\n===\n')).toBe('## Heading with C#\n\n# A \\#\n')
  })

  it('writes hard breaks with a backslash and drops trailing spaces', () => {
    expect(formatSpec('one  \ntwo \nthree\\\nfour\n')).toBe('one\\\ntwo\nthree\\\nfour\n')
    // Not after a bare URL: the backslash would become part of it.
    expect(formatSpec('See https://example.com/a_b  \nnext\n')).toBe('See https://example.com/a_b  \nnext\n')
  })

  it('compiles in a unified pipeline, putting back a BOM taken off before parsing', async () => {
    const processor = unified().use(remarkParse).use(stripBom).use(remarkGfm).use(specFormat)
    expect(String(await processor.process('\ufeff* a\r\n* b\r\n'))).toBe('\ufeff- a\r\n- b\r\n')
  })

  it('keeps front matter as written', () => {
    const input = '---\ntitle: x\ntags: [a]\n---\n# T\n'
    expect(formatSpec(input)).toBe('---\ntitle: x\ntags: [a]\n---\n\n# T\n')
  })
})
