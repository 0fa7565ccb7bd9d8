import {describe, expect, it} from 'vitest'
import {generateHuge, generateSpec, mulberry32, sizeFor} from '../bench/corpus.js'
import {lint} from '../src/engine/lint.js'

describe('bench corpus generator', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    expect(generateSpec(7, 20_000)).toBe(generateSpec(7, 20_000))
    expect(generateSpec(7, 20_000)).not.toBe(generateSpec(8, 20_000))
    expect(generateHuge(3, 40)).toBe(generateHuge(3, 40))
    expect(Array.from({length: 5}, mulberry32(1))).toEqual(Array.from({length: 5}, mulberry32(1)))
    expect(sizeFor(1, 4)).toBe(sizeFor(1, 4))
  })

  it('builds template-shaped specs near the target size', () => {
    for (const target of [sizeFor(1, 0), 60_000]) {
      const spec = generateSpec(11, target)
      expect(spec.length).toBeGreaterThanOrEqual(Math.min(target, 3_000))
      expect(spec.length).toBeLessThan(target + 8_000)
      for (const heading of [
        '## Meta',
        '## Overview',
        '## Requirements',
        '## Execution Plan',
        '### Work Streams',
        '### Phase 1:',
        '## Acceptance Criteria',
        '## Completion Promise'
      ]) {
        expect(spec).toContain(`\n${heading}`)
      }
    }
  })

  it('gives the huge spec exactly the phases asked for', async () => {
    const file = await lint(generateHuge(5, 30))
    expect(file.data.spec?.plan?.phases).toHaveLength(30)
  })
})
