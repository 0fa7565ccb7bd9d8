import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ownFlags} from '../../src/cli/flags.js'
import {applyEdits, editsOf, fixText, inLineEnding} from '../../src/edit/apply.js'
import {run} from '../helpers/cli.js'
import {cleanSpecs, generatedMarkdown, lintWith, lostWords, mutatedSpec, placeProblems} from './support.js'

// Seeded so a failure reproduces; `FC_SEED`/`FC_RUNS` explore further locally.
const seed = Number(process.env.FC_SEED ?? 20260304)
const numRuns = Number(process.env.FC_RUNS ?? 40)
const settings = {seed, numRuns, endOnFailure: true}

async function checkLint(text: string): Promise<void> {
  for (const name of ['recommended', 'strict'] as const) {
    const file = await lintWith(name)(text)
    expect(placeProblems(file), name).toEqual([])
  }
}

/**
 * Fix pass by pass, as `fixText` does, checking that each pass only changes
 * the text its edits replace (no word lost elsewhere) and that fixing
 * settles within 10 passes.
 */
async function checkFix(text: string): Promise<void> {
  for (const name of ['recommended', 'strict'] as const) {
    const lint = lintWith(name)
    // As fixText does: offsets count after a BOM, which is set aside.
    const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
    let current = bom ? text.slice(1) : text
    let passes = 0
    for (; passes <= 10; passes++) {
      const edits = inLineEnding(editsOf(await lint(current)), current)
      for (const edit of edits) {
        expect(edit.start, `${edit.ruleId} edit start`).toBeGreaterThanOrEqual(0)
        expect(edit.end, `${edit.ruleId} edit end`).toBeLessThanOrEqual(current.length)
      }
      const {text: next, applied} = applyEdits(current, edits)
      if (applied.length === 0) break
      const replaced = applied.map((edit) => current.slice(edit.start, edit.end)).join(' ')
      expect(lostWords(current, next, replaced), `words lost by ${applied.map((e) => e.ruleId).join(', ')}`).toEqual([])
      current = next
    }
    expect(passes, `${name}: fixes did not converge in 10 passes`).toBeLessThanOrEqual(10)
    const result = await fixText(text, lint, 10)
    expect(result.text).toBe(bom + current)
  }
}

describe('properties: generated Markdown', () => {
  it('lints with recommended and strict without throwing, every place inside the file', async () => {
    await fc.assert(fc.asyncProperty(generatedMarkdown, checkLint), settings)
  })

  it('fixes lose no word outside the replaced text and converge in 10 passes', async () => {
    await fc.assert(fc.asyncProperty(generatedMarkdown, checkFix), settings)
  })
})

describe('properties: mutated real specs', () => {
  it('has clean fixtures to mutate', () => {
    expect(cleanSpecs.length).toBeGreaterThan(0)
  })

  it('lints with recommended and strict without throwing, every place inside the file', async () => {
    await fc.assert(fc.asyncProperty(mutatedSpec, checkLint), settings)
  })

  it('fixes lose no word outside the replaced text and converge in 10 passes', async () => {
    await fc.assert(fc.asyncProperty(mutatedSpec, checkFix), settings)
  })
})

const hasFormat = ownFlags.some((flag) => flag.long === 'format')
const hasFix = ownFlags.some((flag) => flag.long === 'fix')

// The formatter and `--fix` live behind CLI flags; these light up when they exist.
describe.runIf(hasFormat || hasFix)('properties: --format and --fix through the CLI', () => {
  const samples = fc.sample(fc.oneof(mutatedSpec, generatedMarkdown), {seed, numRuns: 16})

  function writeAll(dir: string): string[] {
    return samples.map((text, i) => {
      const file = path.join(dir, `s${i}.md`)
      fs.writeFileSync(file, text)
      return file
    })
  }

  function formatTwice(): {once: string[]; twice: string[]} {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-format-'))
    try {
      const files = writeAll(dir)
      run(['--format', '--no-config', '.'], {cwd: dir})
      const once = files.map((file) => fs.readFileSync(file, 'utf8'))
      run(['--format', '--no-config', '.'], {cwd: dir})
      return {once, twice: files.map((file) => fs.readFileSync(file, 'utf8'))}
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  }

  it.runIf(hasFormat)('--format is idempotent', () => {
    const {once, twice} = formatTwice()
    twice.forEach((text, i) => expect(text, `s${i}.md not idempotent`).toBe(once[i]))
  })

  // Skipped: fails on sample s2 (the word `1` of an ordered list item whose
  // text is a lone combining mark, followed by an indented table); reported
  // to the format branch. Unskip when the formatter keeps it.
  it.skip('--format loses no word', () => {
    const {once} = formatTwice()
    once.forEach((text, i) => expect(lostWords(samples[i] as string, text), `s${i}.md`).toEqual([]))
  })

  it.runIf(hasFix)('--fix settles: a second --fix changes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-fix-'))
    try {
      const files = writeAll(dir)
      const first = run(['--fix', '--no-config', '.'], {cwd: dir})
      expect(first.stderr).not.toMatch(/\n\s+at /)
      const once = files.map((file) => fs.readFileSync(file, 'utf8'))
      run(['--fix', '--no-config', '.'], {cwd: dir})
      files.forEach((file, i) => expect(fs.readFileSync(file, 'utf8'), `s${i}.md`).toBe(once[i]))
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})
