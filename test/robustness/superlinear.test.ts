import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/engine/lint.js'
import strict from '../../presets/strict.js'
import {root} from '../helpers/documents.js'

/*
 * Inputs micromark handles in quadratic time, each checked as a ratio:
 * doubling the input may at most multiply the time by 2.5 (quadratic would
 * be 4). No absolute time is asserted; each side is the best of a few runs,
 * so a busy machine slows both alike. Above the limits the input is refused
 * by a linear scan; below them it is parsed, paragraph by paragraph.
 */

async function seconds(doc: string, preset = strict): Promise<{time: number; rules: string[]}> {
  let best = Number.POSITIVE_INFINITY
  let rules: string[] = []
  // A refusal takes milliseconds: more attempts even out the noise.
  const attempts = doc.length > 200_000 ? 9 : 3
  for (let attempt = 0; attempt < attempts; attempt++) {
    const start = performance.now()
    const file = await lint(doc, {preset})
    best = Math.min(best, performance.now() - start)
    // The refusal, if any: a refused input has exactly one message.
    rules = file.data.specRefused ? file.messages.map((m) => String(m.ruleId)) : []
  }
  return {time: best, rules}
}

async function ratio(make: (n: number) => string, n: number): Promise<{ratio: number; rules: string[]}> {
  // Warm up the parser and the rules (the first runs are compiled as they go).
  await seconds(make(n))
  await seconds(make(2 * n))
  // Other processes on the machine can stall one side: the best of five
  // measurements is kept (a quadratic cost would fail all five, at ~4).
  let best = {ratio: Number.POSITIVE_INFINITY, rules: [] as string[]}
  for (let round = 0; round < 5 && best.ratio > 2.5; round++) {
    const one = await seconds(make(n))
    const two = await seconds(make(2 * n))
    if (two.time / one.time < best.ratio) best = {ratio: two.time / one.time, rules: two.rules}
  }
  return best
}

const emphasis = (units: number) => Array.from({length: units}, (_, i) => '*'.repeat(1 + (i % 3)) + 'a').join('')
const alternating = (units: number) => '*_'.repeat(units) + 'a'
const nestedLinks = (depth: number) => '['.repeat(depth) + 'a' + '](b)'.repeat(depth)
/** Lines of `> ` + indentation + `- item`, each one list deeper, up to `depth` and again. */
const quotedLists = (lines: number, depth = 100) => Array.from({length: lines}, (_, i) => '> ' + ' '.repeat(2 * (i % depth)) + '- item').join('\n')
/** Paragraphs of a hostile line each, just under the limits: parsed, not refused. */
const paragraphs = (line: string) => (count: number) => `# T\n\n${Array.from({length: count}, () => line).join('\n\n')}\n`

const spec = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const ownsCell = (globs: number, quote: string) => (n: number) =>
  spec.replace('| src/api/exports/ |', `| ${Array.from({length: globs * n}, (_, i) => `${quote}src/m${i}/**/*.py${quote}`).join(', ')} |`)

describe('super-linear Markdown: refused above the limits in linear time', () => {
  it.each([
    ['emphasis runs `*a**a***a…`', emphasis, 200_000, 'inline-too-complex'],
    ['alternating `*_*_…a`', alternating, 200_000, 'inline-too-complex'],
    ['nested links `[[[…a](b)](b)…`', nestedLinks, 100_000, 'inline-too-complex'],
    ['lists indented inside a block quote', (n: number) => quotedLists(n), 2_000, 'nesting-too-deep'],
    ['one Owns cell of bare globs', (n: number) => ownsCell(5_000, '')(n / 5_000), 5_000, 'inline-too-complex']
  ] as const)('%s', async (_name, make, n, rule) => {
    const result = await ratio(make, n)
    expect(result.rules).toEqual([rule])
    expect(result.ratio).toBeLessThanOrEqual(2.5)
  })
})

describe('super-linear Markdown: parsed below the limits in linear time', () => {
  it.each([
    ['paragraphs of 190 emphasis runs', paragraphs(emphasis(190)), 8],
    ['paragraphs of 190 alternating runs', paragraphs(alternating(95)), 8],
    ['paragraphs of links nested 90 deep', paragraphs(nestedLinks(90)), 8],
    ['block quotes of lists nested 60 deep', (n: number) => Array.from({length: n}, () => quotedLists(60, 60)).join('\n\nText.\n\n'), 3],
    ['one Owns cell of backticked globs', ownsCell(500, '`'), 1]
  ] as const)('%s', async (_name, make, n) => {
    const result = await ratio(make, n)
    expect(result.rules).toEqual([])
    expect(result.ratio).toBeLessThanOrEqual(2.5)
  })
})
