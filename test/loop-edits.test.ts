import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {editSpec, EditRefused} from '../src/edit/spec-edits.js'
import type {SpecEdit} from '../src/edit/spec-edits.js'
import {chunkIndex} from '../src/model/chunk-refs.js'
import {parseSpec} from '../src/parse/index.js'

const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/loop/parcel-tracking.md'), 'utf8')

/** The one changed stretch between two texts, as `[start, removed, added]`. */
function onlyChange(before: string, after: string): [number, string, string] {
  let start = 0
  while (start < before.length && before[start] === after[start]) start++
  let end = 0
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  return [start, before.slice(start, before.length - end), after.slice(start, after.length - end)]
}

function refusal(text: string, edit: SpecEdit): string {
  try {
    editSpec(text, edit)
  } catch (error) {
    expect(error).toBeInstanceOf(EditRefused)
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

describe('chunk references', () => {
  test('an id, key, title, title with id and slug all name the same chunk, as in Depends On', () => {
    const {spec} = parseSpec(fixture)
    const index = chunkIndex(spec.chunks)
    for (const name of ['C2', 'c2', 'Registration API', 'C2 Registration API', 'registration-api', 'registration api']) {
      expect(
        index.candidates(name).map((c) => c.key),
        name
      ).toEqual(['C2'])
    }
    // The dependency the model resolved for C2 is the chunk `done C1` would tick.
    expect(spec.chunks[1]?.dependsOn.map((ref) => ref.target)).toEqual(['C1'])
  })

  test('a title two chunks share is ambiguous; a missing one lists the keys', () => {
    const twice = fixture.replace('**C3 Signed delivery**', '**Endpoint registry**').replace('| C3 Signed delivery |', '| Endpoint registry |')
    expect(refusal(twice, {kind: 'done', chunk: 'endpoint registry'})).toMatch(
      /^Ambiguous chunk `endpoint registry`: it names `C1` \(line 56\), `endpoint-registry` \(line \d+\), expected one chunk key$/
    )
    expect(refusal(fixture, {kind: 'done', chunk: 'C9'})).toBe('Unknown chunk `C9`, expected a chunk id, key, title or slug (`C1`, `C2`, `C3`)')
  })
})

describe('done and undo', () => {
  test('tick one byte; a draft moves to in-progress in the same write', () => {
    const result = editSpec(fixture, {kind: 'done', chunk: 'Endpoint registry'})
    expect(result.changes).toEqual(['ticked `C1` (line 56)', 'Status `draft` → `in-progress` (line 9)'])
    expect(result.edits.map((e) => [fixture.slice(e.start, e.end), e.text])).toEqual([
      ['draft', 'in-progress'],
      [' ', 'x']
    ])
    expect(result.text).toBe(fixture.replace('| Status | draft |', '| Status | in-progress |').replace('- [ ] **C1', '- [x] **C1'))
    expect(result.spec.chunks[0]?.checked).toBe(true)
  })

  test('a chunk with an open dependency is refused unless forced', () => {
    expect(refusal(fixture, {kind: 'done', chunk: 'C2'})).toBe(
      'Unexpected `done` for `C2` with unchecked dependency `C1`, expected its dependencies done first (or `--force`)'
    )
    expect(editSpec(fixture, {kind: 'done', chunk: 'C2', force: true}).spec.chunks[1]?.checked).toBe(true)
  })

  test('undo refuses while a ticked chunk depends on it, and unticks otherwise', () => {
    const both = fixture.replace('- [ ] **C1', '- [x] **C1').replace('- [ ] **C2', '- [x] **C2').replace('| Status | draft |', '| Status | in-progress |')
    expect(refusal(both, {kind: 'undo', chunk: 'C1'})).toBe(
      'Unexpected `undo` for `C1` with checked dependent `C2`, expected those undone first (or `--force`)'
    )
    const result = editSpec(both, {kind: 'undo', chunk: 'C2'})
    expect(onlyChange(both, result.text)).toEqual([both.indexOf('- [x] **C2') + 3, 'x', ' '])
  })

  test('already done is no edit at all', () => {
    const ticked = editSpec(fixture, {kind: 'done', chunk: 'C1'}).text
    const again = editSpec(ticked, {kind: 'done', chunk: 'C1'})
    expect(again.edits).toEqual([])
    expect(again.text).toBe(ticked)
    expect(again.changes).toEqual(['`C1` is already ticked'])
  })

  test('criteria by number or by text', () => {
    const result = editSpec(fixture, {kind: 'criterion', criterion: '2', checked: true})
    expect(onlyChange(fixture, result.text)[1]).toBe(' ')
    expect(result.spec.acceptance?.criteria.map((c) => c.checked)).toEqual([false, true, false])
    expect(editSpec(fixture, {kind: 'criterion', criterion: 'all tests pass', checked: true}).spec.acceptance?.criteria[2]?.checked).toBe(true)
    expect(refusal(fixture, {kind: 'criterion', criterion: 'endpoint', checked: true})).toBe(
      'Ambiguous criterion `endpoint`: it matches criteria 1, 2, expected a number or more of the text'
    )
  })

  test('a chunk without a checkbox is refused', () => {
    const plain = fixture.replace('- [ ] **C1', '- **C1')
    expect(refusal(plain, {kind: 'done', chunk: 'C1'})).toBe(
      'Unexpected chunk `C1` without a checkbox, expected a checklist item `- [ ] **Endpoint registry**`'
    )
  })

  test('a byte order mark and CRLF line endings stay', () => {
    const crlf = '\ufeff' + fixture.replace(/\n/g, '\r\n')
    const result = editSpec(crlf, {kind: 'done', chunk: 'C1'})
    expect(result.text).toBe('\ufeff' + editSpec(fixture, {kind: 'done', chunk: 'C1'}).text.replace(/\n/g, '\r\n'))
    for (const e of result.edits) expect(crlf.slice(e.start, e.end)).toMatch(/^(?: |draft)$/)
  })
})

describe('link', () => {
  test('insert after the bold title, then replace in place', () => {
    const first = editSpec(fixture, {kind: 'link', links: [{chunk: 'C1', issueId: 'HK-1'}]})
    expect(onlyChange(fixture, first.text)).toEqual([fixture.indexOf('**C1 Endpoint registry**') + '**C1 Endpoint registry**'.length, '', ' (HK-1)'])
    const second = editSpec(first.text, {kind: 'link', links: [{chunk: 'endpoint-registry', issueId: 'HK-7'}]})
    expect(onlyChange(first.text, second.text)).toEqual([first.text.indexOf('HK-1') + 3, '1', '7'])
    expect(second.spec.chunks[0]?.issueId).toBe('HK-7')
  })

  test('many at once; a bad id or two ids for one chunk is refused', () => {
    const result = editSpec(fixture, {
      kind: 'link',
      links: [
        {chunk: 'C1', issueId: 'HK-1'},
        {chunk: 'C2', issueId: 'HK-2'},
        {chunk: 'C3', issueId: 'HK-3'}
      ]
    })
    expect(result.spec.chunks.map((c) => c.issueId)).toEqual(['HK-1', 'HK-2', 'HK-3'])
    expect(refusal(fixture, {kind: 'link', links: [{chunk: 'C1', issueId: 'hk 1'}]})).toBe(
      'Unexpected issue id `hk 1`, expected a team key, a dash and a number (`NS-101`)'
    )
    expect(
      refusal(fixture, {
        kind: 'link',
        links: [
          {chunk: 'C1', issueId: 'HK-1'},
          {chunk: 'c1', issueId: 'HK-2'}
        ]
      })
    ).toBe('Unexpected second issue id `HK-2` for `C1`, expected one (`HK-1` given first)')
  })

  test('a note after the title stays where it was', () => {
    const noted = fixture.replace('**C1 Endpoint registry**', '**C1 Endpoint registry** — first')
    const result = editSpec(noted, {kind: 'link', links: [{chunk: 'C1', issueId: 'HK-1'}]})
    expect(result.text).toContain('**C1 Endpoint registry** (HK-1) — first')
    expect(result.spec.chunks[0]?.detail?.note).toBe('first')
  })

  test('a title without bold has no place for an id: refused', () => {
    const plain = fixture.replace('- [ ] **C1 Endpoint registry**', '- [ ] C1 Endpoint registry')
    expect(refusal(plain, {kind: 'link', links: [{chunk: 'C1', issueId: 'HK-1'}]})).toBe(
      'Unexpected chunk title `C1 Endpoint registry` without bold, expected `**C1 Endpoint registry**` before an issue id'
    )
  })
})

describe('set-status', () => {
  test('a value, an alias, and --auto from the checkboxes', () => {
    expect(onlyChange(fixture, editSpec(fixture, {kind: 'set-status', status: 'In Progress'}).text)).toEqual([fixture.indexOf('draft'), 'draft', 'in-progress'])
    const ticked = fixture.replace(/- \[ \] \*\*C/g, '- [x] **C').replace(/^- \[ \] /gm, '- [x] ')
    expect(editSpec(ticked, {kind: 'set-status', status: 'auto'}).spec.meta?.status).toBe('complete')
    expect(refusal(fixture, {kind: 'set-status', status: 'done-ish'})).toBe('Unexpected Status `done-ish`, expected one of `draft`, `in-progress`, `complete`')
    expect(refusal(fixture.replace('| Status | draft |\n', ''), {kind: 'set-status', status: 'draft'})).toBe(
      'Unexpected Meta without a `Status` row, expected `| Status | draft |`'
    )
  })
})
