import fc from 'fast-check'
import type {Node} from 'unist'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseMarkdown} from '../src/parse/index.js'
import {reparse} from '../src/lsp/reparse.js'
import type {ParsedText} from '../src/lsp/reparse.js'
import {LintCancelled, lintParsed} from '../src/lsp/lint-document.js'
import {buildSpec, createModelReuse} from '../src/model/build.js'
import {lint} from '../src/engine/lint.js'
import recommended from '../presets/recommended.js'
import strict from '../presets/strict.js'
import fs from 'node:fs'
import {traceOf} from '../src/analysis/trace.js'
import type {SpecModel} from '../src/model/schema.js'
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
          const full = fullTree(text)
          parsed = reparse(parsed, new VFile({value: text}))
          if (!parsed.full) reused++
          expect(strip(parsed.tree)).toEqual(full)
        }
      }),
      {numRuns: 150}
    )
    // The property is only worth something if most edits took the short way.
    expect(reused).toBeGreaterThan(300)
  }, 240_000)

  it.each([
    ['indented code, then an ordered item that does not start at 1', '    code\n\n2. first\n3. second\n', '3. second', '# 3. second'],
    ['indented code after a blank line, then an item numbered 10', 'Intro\n\n    code\n\n10. ten\nmore\n', 'more', 'more words'],
    ['fenced code, then an ordered item', '```\nx\n```\n\n2. first\nsecond\n', 'second', '- second'],
    ['indented code, then an ordered item, with a line typed after it', '    code\n\n2. first\n3. second\n\nEnd\n', '\n\nEnd', '\n\r\n\nEnd'],
    ['indented code that an edit before it turns into the end of an empty list item', 'Intro\n\n    code\n\n2. first\n3. second\n\nEnd\n', 'Intro', '1. '],
    ['indented code that a quote before it splits in two', '> \n    # h\n    - l\n\nEnd\n', '> ', '# > '],
    ['indented code twice, then an ordered item', '    a\n\n\tb\n\n2. first\n3. second\n\nEnd\n', '\n\nEnd', '\n\n\nEnd']
  ])('equals a full parse around %s', (_name, start, from, to) => {
    const parsed = reparse(undefined, new VFile({value: start}))
    const text = start.replace(from, to)
    expect(text).not.toBe(start)
    expect(strip(reparse(parsed, new VFile({value: text})).tree)).toEqual(fullTree(text))
  })

  it('refuses exactly what a full parse refuses, near small limits', () => {
    const limits = {maxDepth: 3, maxDelimiterRuns: 6, maxBrackets: 4}
    const typing = fc.record({
      at: fc.double({min: 0, max: 1, noNaN: true}),
      remove: fc.nat({max: 3}),
      insert: fc.constantFrom('', 'x', 'ab', '*', '_', '[', '`', '- ', '> ', '\n', ' ', '1. ', '```')
    })
    let refused = 0
    fc.assert(
      fc.property(fc.oneof(specText, awkwardSpecText), fc.array(typing, {minLength: 1, maxLength: 16}), (start, edits) => {
        let text = start
        let parsed: ParsedText = reparse(undefined, new VFile({value: text}), limits)
        for (const step of edits) {
          text = applyEdit(text, step)
          const full = new VFile({value: text})
          const fullTree = parseMarkdown(full, {limits}).tree
          const file = new VFile({value: text})
          parsed = reparse(parsed, file, limits)
          if (full.data.specRefused) refused++
          expect(Boolean(file.data.specRefused)).toBe(Boolean(full.data.specRefused))
          expect(strip(parsed.tree)).toEqual(strip(fullTree))
        }
      }),
      {numRuns: 150}
    )
    expect(refused).toBeGreaterThan(50)
  }, 240_000)

  it.each([
    ['a letter typed inside `**` makes two runs of one', 'Intro\n\na ** b * c * d * e * f * g\n\nEnd\n', 'a ** b', 'a *x* b'],
    ['a letter taken from the start of a line opens its markers', 'Intro\n\nx- - - - item\n\nEnd\n', 'x- - - -', '- - - -'],
    ['a letter typed on a blank line joins two paragraphs', 'Intro\n\na * b * c *\n \nd * e * f * g * h\n', '\n \n', '\n x\n'],
    ['a letter typed before a fence opens what it held', 'Intro\n\n```\na * b * c * d * e * f * g * h\n```\n', '\n```\na', '\nx```\na']
  ])('refuses after an edit where %s', (_name, start, from, to) => {
    const limits = {maxDepth: 3, maxDelimiterRuns: 6, maxBrackets: 4}
    const first = new VFile({value: start})
    const parsed = reparse(undefined, first, limits)
    expect(first.data.specRefused).toBeFalsy()
    const text = start.replace(from, to)
    const file = new VFile({value: text})
    reparse(parsed, file, limits)
    expect(parseMarkdown(new VFile({value: text}), {limits}).refused).toBe(true)
    expect(file.data.specRefused).toBe(true)
  })

  it('builds the same model as a fresh build when unchanged phases are taken over', () => {
    let taken = 0
    fc.assert(
      fc.property(fc.oneof(specText, awkwardSpecText), fc.array(edit, {minLength: 1, maxLength: 12}), (start, edits) => {
        let text = start
        let parsed: ParsedText = reparse(undefined, new VFile({value: text}))
        const reuse = createModelReuse()
        let phases = new Set(buildSpec(parsed.tree, text, reuse).plan?.phases)
        for (const step of edits) {
          text = applyEdit(text, step)
          parsed = reparse(parsed, new VFile({value: text}))
          const model = buildSpec(parsed.tree, text, reuse)
          taken += (model.plan?.phases ?? []).filter((phase) => phases.has(phase)).length
          phases = new Set(model.plan?.phases)
          expect(strip(model as never)).toEqual(strip(buildSpec(parseMarkdown(new VFile({value: text})).tree, text) as never))
        }
      }),
      {numRuns: 150}
    )
    // Only worth something if phases were taken over, many times.
    expect(taken).toBeGreaterThan(100)
  }, 240_000)

  it('takes over a phase an edit did not touch, moved to its new place', () => {
    const phase = (n: number) =>
      `### Phase ${n}: Step ${n}\n\n| Chunk | Depends On |\n|---|---|\n| Part ${n} | ${n > 1 ? `Part ${n - 1}` : '—'} |\n\n- [ ] **Part ${n}**\n  - Build part ${n}\n`
    const before = `# T\n\n## Execution Plan\n\n${phase(1)}\n${phase(2)}`
    const after = `# T\n\nA new paragraph\nof two lines.\n\n## Execution Plan\n\n${phase(1)}\n${phase(2)}`
    const reuse = createModelReuse()
    const first = buildSpec(parseMarkdown(new VFile({value: before})).tree, before, reuse)
    const second = buildSpec(parseMarkdown(new VFile({value: after})).tree, after, reuse)
    // The same objects, moved to where the item now is.
    expect(second.plan?.phases[1]).toBe(first.plan?.phases[1])
    const item = after.indexOf('- [ ] **Part 2**')
    expect(second.chunks[1]?.detail?.position.start).toEqual({line: after.slice(0, item).split('\n').length, column: 1, offset: item})
    expect(second.chunks[1]?.dependsOn[0]?.target).toBe(second.chunks[0]?.key)
    expect(strip(second as never)).toEqual(strip(buildSpec(parseMarkdown(new VFile({value: after})).tree, after) as never))
  })

  it('gives up a run between rules when its result is no longer wanted', async () => {
    const text = '# T\n\n## Execution Plan\n\n### Phase 1: Build\n\n- [ ] **Login** TODO\n'
    const file = new VFile({value: text, path: 'specs/example.md'})
    const parsed = reparse(undefined, file)
    const plugins = (recommended as {plugins: unknown[]}).plugins as never
    await expect(lintParsed(parsed, file, plugins, {}, {stale: () => true})).rejects.toBeInstanceOf(LintCancelled)
    const again = new VFile({value: text, path: 'specs/example.md'})
    await lintParsed(reparse(undefined, again), again, plugins, {}, {stale: () => false})
    const full = await lint(text, {path: 'specs/example.md'})
    expect(again.messages.map(String)).toEqual(full.messages.map(String))
  })

  it.each([
    ['a requirement is reworded', '- Recipe photos load only when they come into view', '- Recipe photos and videos load lazily'],
    [
      'a requirement is added',
      '- Recipe photos load only when they come into view',
      '- Recipe photos load only when they come into view\n- Printing a recipe leaves out the photos'
    ],
    ['a requirement is taken out', '- Recipe photos load only when they come into view\n', '']
  ])('traces kept chunks again when %s', async (_name, from, to) => {
    const start = fs.readFileSync(new URL('../fixtures/trace/recipe-search.md', import.meta.url), 'utf8')
    const text = start.replace(from, to)
    expect(text).not.toBe(start)
    const reuse = createModelReuse()
    let parsed: ParsedText | undefined
    let file = new VFile()
    for (const value of [start, text]) {
      file = new VFile({value, path: 'specs/example.md'})
      parsed = reparse(parsed, file)
      await lintParsed(parsed, file, strict, {}, {reuse, stale: () => false})
    }
    const full = await lint(text, {path: 'specs/example.md', preset: strict})
    expect(file.messages.map(String)).toEqual(full.messages.map(String))
    const fresh = buildSpec(parseMarkdown(new VFile({value: text})).tree, text)
    expect(traceOf(file.data.spec as SpecModel, text)).toEqual(traceOf(fresh, text))
  })

  it.each([
    ['its section is renamed to one where dated entries are fine', 'Overview', '## Overview', '## Notes'],
    ['its section is renamed to one where they are not', 'Notes', '## Notes', '## Overview'],
    ['a chunk is renamed that another depends on', 'Overview', '| Part 1 | —', '| Base | —'],
    ['a chunk is renamed to the name another depends on', 'Overview', '| Part 2 | Part 1', '| Part 2 | Base']
  ])('lints a kept block as a full lint does when %s', async (_name, section, from, to) => {
    const start = [
      '# T\n',
      // The dated entry is two blocks below the heading: a renamed heading leaves it as it was, the same node.
      `## ${section}\n\nWhat the team has done so far.\n\n2026-01-02: the first slice shipped\n`,
      '## Execution Plan\n',
      '### Phase 1: Base\n\n| Chunk | Depends On |\n|---|---|\n| Part 1 | — |\n| Part 2 | Part 1 |\n',
      '- [ ] **Part 1**\n  - Build the part one store\n- [ ] **Part 2**\n  - Build the part two view\n',
      '### Phase 2: Next\n\n| Chunk | Depends On |\n|---|---|\n| Part 3 | Base |\n\n- [ ] **Part 3**\n  - Build the part three list\n'
    ].join('\n')
    const text = start.replace(from, to)
    expect(text).not.toBe(start)
    const reuse = createModelReuse()
    let parsed: ParsedText | undefined
    let file = new VFile()
    for (const value of [start, text]) {
      file = new VFile({value, path: 'specs/example.md'})
      parsed = reparse(parsed, file)
      await lintParsed(parsed, file, recommended, {}, {reuse, stale: () => false})
    }
    expect(parsed?.full).toBe(false)
    const full = await lint(text, {path: 'specs/example.md'})
    expect(file.messages.map(String)).toEqual(full.messages.map(String))
    expect(strip(file.data.spec as never)).toEqual(strip(buildSpec(parseMarkdown(new VFile({value: text})).tree, text) as never))
  })

  it('lints to the same messages as a full lint', async () => {
    await fc.assert(
      fc.asyncProperty(specText, fc.array(edit, {minLength: 1, maxLength: 6}), async (start, edits) => {
        let text = start
        let parsed: ParsedText | undefined
        const reuse = createModelReuse()
        for (const step of [undefined, ...edits]) {
          if (step) text = applyEdit(text, step)
          const file = new VFile({value: text, path: 'specs/example.md'})
          parsed = reparse(parsed, file)
          await lintParsed(parsed, file, recommended, {}, {reuse, stale: () => false})
          const full = await lint(text, {path: 'specs/example.md'})
          expect(file.messages.map(String)).toEqual(full.messages.map(String))
        }
      }),
      {numRuns: 40}
    )
  })
})
