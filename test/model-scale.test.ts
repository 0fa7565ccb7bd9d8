import {describe, expect, it} from 'vitest'
import {lint} from '../src/engine/lint.js'

/** One phase with `count` chunks, every one titled `Tests`, rows and details both. */
function samePhase(count: number): string {
  const rows = Array.from({length: count}, (_, i) => `| Tests | s | Outcome ${i} | — |`)
  const details = Array.from({length: count}, (_, i) => `- [ ] **Tests**\n\n  Outcome: Detail ${i}.\n`)
  return [
    '# T',
    '',
    '## Execution Plan',
    '',
    '### Phase 1: All',
    '',
    '| Chunk | Stream | Outcome | Depends On |',
    '|---|---|---|---|',
    ...rows,
    '',
    ...details
  ].join('\n')
}

describe('model builder at scale', () => {
  it('pairs hundreds of same-named rows and details in order, with unique keys', async () => {
    const file = await lint(samePhase(300))
    const chunks = file.data.spec?.chunks ?? []
    expect(chunks).toHaveLength(300)
    expect(chunks[0]?.key).toBe('tests')
    expect(chunks[1]?.key).toBe('tests-2')
    expect(chunks[299]?.key).toBe('tests-300')
    expect(new Set(chunks.map((c) => c.key)).size).toBe(300)
    expect(chunks.every((c, i) => c.row?.outcome === `Outcome ${i}` && c.detail?.outcome?.value === `Detail ${i}.`)).toBe(true)
  })
})
