import fs from 'node:fs'
import path from 'node:path'
import {diffChars} from 'diff'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {checkedEdit} from '../../src/edit/checked-edit.js'
import {EditRefused} from '../../src/edit/spec-edits.js'
import type {SpecEdit} from '../../src/edit/spec-edits.js'
import type {Edit} from '../../src/edit/apply.js'
import {lint} from '../../src/engine/lint.js'
import {stripPositions} from '../../src/model/strip.js'
import type {SpecModel} from '../../src/model/schema.js'
import {parseSpec} from '../../src/parse/index.js'
import {specText} from '../helpers/spec-arbitrary.js'

/*
 * The goal of the loop edits: a loop that only ever edits its spec through
 * `done`, `undo`, `link` and `set-status` cannot break it. Random sequences
 * of those edits run on fixture and generated specs; after every step the
 * text differs from the previous one only inside the reported edits, the
 * model is the same apart from the edited fields, and the linter says
 * nothing it did not say before (errors and warnings never grow).
 */

const fixtureSpecs = [
  'fixtures/clean/backend-api.md',
  'fixtures/clean/frontend.md',
  'fixtures/clean/hybrid.md',
  'fixtures/plan/specs/report-builder.md',
  'fixtures/plan/specs/finished-but-draft.md',
  'fixtures/invalid/status-consistency--draft-with-checked-chunk.md',
  'fixtures/invalid/issue-ids--missing-id.md'
].map((file) => ({file, text: fs.readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8')}))

/** A step, with its chunk or criterion chosen by index into the spec at that point. */
type Step =
  | {kind: 'done' | 'undo'; pick: number; name: number; force: boolean}
  | {kind: 'criterion'; pick: number; checked: boolean; byNumber: boolean}
  | {kind: 'link'; pick: number; name: number; team: string; number: number}
  | {kind: 'set-status'; status: string}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({kind: fc.constantFrom('done' as const, 'undo' as const), pick: fc.nat(20), name: fc.nat(3), force: fc.boolean()}),
  fc.record({kind: fc.constant('criterion' as const), pick: fc.nat(10), checked: fc.boolean(), byNumber: fc.boolean()}),
  fc.record({
    kind: fc.constant('link' as const),
    pick: fc.nat(20),
    name: fc.nat(3),
    team: fc.constantFrom('NS', 'BIL', 'CS', 'ABC'),
    number: fc.integer({min: 1, max: 999})
  }),
  fc.record({kind: fc.constant('set-status' as const), status: fc.constantFrom('draft', 'in-progress', 'complete', 'auto', 'In Progress')})
)

/** A chunk named the ways `Depends On` names one: key, id, title, slug. */
function chunkName(spec: SpecModel, pick: number, name: number): string | undefined {
  const chunk = spec.chunks[pick % Math.max(1, spec.chunks.length)]
  if (!chunk) return undefined
  return [chunk.key, chunk.id ?? chunk.key, chunk.title, chunk.slug][name % 4] || chunk.key
}

function toEdit(spec: SpecModel, s: Step): SpecEdit | undefined {
  switch (s.kind) {
    case 'done':
    case 'undo': {
      const chunk = chunkName(spec, s.pick, s.name)
      return chunk === undefined ? undefined : {kind: s.kind, chunk, force: s.force}
    }
    case 'criterion': {
      const criteria = spec.acceptance?.criteria ?? []
      if (criteria.length === 0) return undefined
      const index = s.pick % criteria.length
      return {kind: 'criterion', criterion: s.byNumber ? String(index + 1) : (criteria[index]?.text ?? ''), checked: s.checked}
    }
    case 'link': {
      const chunk = chunkName(spec, s.pick, s.name)
      return chunk === undefined ? undefined : {kind: 'link', links: [{chunk, issueId: `${s.team}-${s.number}`}]}
    }
    case 'set-status':
      return {kind: 'set-status', status: s.status}
  }
}

/** Leaf paths where two position-free models differ. */
function changedPaths(a: unknown, b: unknown, at = ''): string[] {
  if (Object.is(a, b)) return []
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    const keys = new Set([...Object.keys(left), ...Object.keys(right)])
    return [...keys].flatMap((key) => changedPaths(left[key], right[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`))
  }
  return [at]
}

const statusPaths = /^\.meta\.(status|rows\[\d+\]\.(value|raw))$/
const allowed: Record<SpecEdit['kind'], RegExp> = {
  done: /^(\.chunks\[\d+\]|\.plan\.phases\[\d+\]\.(chunks|details)\[\d+\])(\.detail)?\.checked$/,
  undo: /^(\.chunks\[\d+\]|\.plan\.phases\[\d+\]\.(chunks|details)\[\d+\])(\.detail)?\.checked$/,
  criterion: /^\.acceptance\.criteria\[\d+\]\.checked$/,
  link: /^(\.chunks\[\d+\]|\.plan\.phases\[\d+\]\.(chunks|details)\[\d+\])(\.detail)?\.issueId(\.value|\.valid)?$/,
  'set-status': /^$/
}

/** Every changed character lies inside one of the edits' ranges (in the text before). */
function outsideEdits(before: string, after: string, edits: readonly Edit[]): string[] {
  const out: string[] = []
  let offset = 0
  for (const part of diffChars(before, after)) {
    const start = offset
    if (!part.added) offset += part.value.length
    if (!part.added && !part.removed) continue
    const end = part.added ? start : offset
    if (!edits.some((edit) => edit.start <= start && end <= edit.end)) out.push(`${part.added ? '+' : '-'}${JSON.stringify(part.value)} at ${start}`)
  }
  return out
}

function count(file: {messages: ReadonlyArray<{fatal?: boolean | null}>}): {errors: number; warnings: number} {
  const errors = file.messages.filter((m) => m.fatal === true).length
  return {errors, warnings: file.messages.length - errors}
}

const stats = {sequences: 0, steps: 0, applied: 0, unchanged: 0, refused: 0, lintRefused: 0}

async function runSequence(start: string, steps: readonly Step[]): Promise<void> {
  stats.sequences++
  let text = start
  let linted = await lint(text)
  for (const s of steps) {
    const before = parseSpec(text).spec
    const edit = toEdit(before, s)
    if (!edit) continue
    stats.steps++
    let result
    try {
      result = await checkedEdit(text, edit, {lint: (value) => lint(value), force: false})
    } catch (error) {
      // A refusal is an answer, not a crash; the text stays as it was.
      expect(error).toBeInstanceOf(EditRefused)
      if ((error as Error).name === 'LintRefused') stats.lintRefused++
      else stats.refused++
      continue
    }
    if (result.edits.length === 0) {
      stats.unchanged++
      expect(result.text).toBe(text)
      continue
    }
    stats.applied++
    // Bytes: the edits rebuild the new text, and nothing changed outside them.
    let rebuilt = text
    for (const e of [...result.edits].sort((x, y) => y.start - x.start)) rebuilt = rebuilt.slice(0, e.start) + e.text + rebuilt.slice(e.end)
    expect(rebuilt).toBe(result.text)
    expect(outsideEdits(text, result.text, result.edits)).toEqual([])
    for (const e of result.edits) expect(e.end - e.start).toBeLessThanOrEqual(20)

    // Model: the same apart from the edited fields (Status may follow a tick).
    const after = parseSpec(result.text).spec
    const changed = changedPaths(stripPositions(before), stripPositions(after))
    const unexpected = changed.filter((p) => !allowed[edit.kind].test(p) && !statusPaths.test(p))
    expect(unexpected, `${edit.kind} changed ${unexpected.join(', ')}`).toEqual([])
    if (edit.kind === 'done' || edit.kind === 'undo') {
      const touched = new Set(changed.filter((p) => p.startsWith('.chunks[')).map((p) => p.slice(0, p.indexOf(']') + 1)))
      expect(touched.size).toBe(1)
      const index = Number([...touched][0]?.slice(8, -1))
      expect(after.chunks[index]?.checked).toBe(edit.kind === 'done')
    }
    if (edit.kind === 'link') expect(after.chunks.some((c) => c.issueId === edit.links[0]?.issueId)).toBe(true)
    if (edit.kind === 'set-status' && edit.status !== 'auto') expect(after.meta?.status).toBe(edit.status === 'In Progress' ? 'in-progress' : edit.status)

    // Lint: no worse, by an independent measure (counts per severity).
    const was = count(linted)
    const now = count(result.after)
    expect(now.errors).toBeLessThanOrEqual(was.errors)
    expect(now.warnings).toBeLessThanOrEqual(was.warnings)
    text = result.text
    linted = result.after
  }
}

describe('loop edits keep a spec intact', () => {
  test('random edit sequences on fixture specs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtureSpecs), fc.array(step, {minLength: 1, maxLength: 6}), async ({text}, steps) => runSequence(text, steps)),
      {numRuns: 25, seed: 18}
    )
  }, 300_000)

  test('random edit sequences on generated specs', async () => {
    await fc.assert(
      fc.asyncProperty(specText, fc.array(step, {minLength: 1, maxLength: 6}), async (text, steps) => runSequence(text, steps)),
      {numRuns: 40, seed: 1818}
    )
  }, 300_000)

  test('the sequences made real edits, not only refusals', () => {
    process.stdout.write(`loop-edit property: ${JSON.stringify(stats)}\n`)
    expect(stats.applied).toBeGreaterThan(stats.steps / 5)
  })
})
