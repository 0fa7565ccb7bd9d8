import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lint} from '../src/engine/lint.js'
import remarkGfm from 'remark-gfm'
import remarkSpec from '../src/model/plugin.js'

/* The plan rules never throw, whatever pieces of a plan they are given. */
const planPlugins = rules.filter((plugin) => plugin.rule.category === 'plan').map((plugin) => [plugin, ['error']] as const)
const preset = {plugins: [remarkGfm, remarkSpec, ...planPlugins]}

const pieces = [
  '## Execution Plan',
  '## Meta\n\n| Field | Value |\n|---|---|\n| Status | complete |',
  '## Acceptance Criteria\n\n- [ ] Tests pass: `npm test`',
  '### Work Streams',
  '| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| a | A | src/, `src/**/*.ts` | x |\n| a | B | | |',
  '### Phase 1: One',
  '### Phase 0 — Zero',
  '### Phase 7',
  '### Communication\n\n| From | To | When | What |\n|---|---|---|---|\n| a | a | now | it |\n| | all | | |',
  '| Chunk | Stream | Outcome | Depends On |\n|---|---|---|---|\n| C1 A | a | x | C2 |\n| C2 B | b | y | Phase 1, C1 and A |\n| | | | |',
  '| Chunk |\n|---|\n| Lonely |',
  '- [x] **C1 A** (AB-1)\n\n  Outcome: x\n  Stream: a · Skills: —\n  Depends On: C2 + Phase 3\n\n  - Create `src/a.py` at line 4\n  - TBD',
  '- [ ] **B** (ab1)\n\n  - Do stuff',
  '- plain item',
  '- [ ] ****',
  'Depends On: None'
]

describe('plan rules on arbitrary plans', () => {
  it('never throw and always place their messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), {maxLength: 14}), async (parts) => {
        const file = await lint(`# T\n\n${parts.join('\n\n')}\n`, {preset})
        for (const message of file.messages) expect(message.line).toBeGreaterThan(0)
      }),
      {numRuns: 150}
    )
  })
})
