import type {Chunk} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {chunkLabel, executionPlan, planHeadingPosition} from '../src/model/plan-queries.js'
import {at, pointAt} from '../src/model/positions.js'

const plan = (items: string) => `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n${items}`

/** Where `[ ] ` goes: after the item's list marker and its space. */
function boxPoint(source: string, chunk: Chunk) {
  const start = chunk.detail?.position.start.offset ?? 0
  const marker = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(source.slice(start, start + 16))
  return pointAt(source, start + (marker?.[0].length ?? 0))
}

export default defineRule({
  id: 'chunk-checkbox',
  summary: 'Each chunk is a `- [ ]` checklist item',
  description:
    "Fires on a chunk (a chunk-table row's item, a bold-titled item, an item starting with a chunk id) written without a `- [ ]` / `- [x]` checkbox; the fix adds `[ ]`. A plan where no chunk has a checkbox is one habit: one message on the Execution Plan, with the count.",
  rationale:
    "The loop ticks a chunk's box when its work is done, and `status` and `next` read progress from the boxes: a chunk without one can never be marked done.",
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const items = spec.chunks.filter((chunk) => chunk.detail !== null)
    const missing = items.filter((chunk) => chunk.detail?.checked === null)
    if (missing.length === 0) return
    const heading = planHeadingPosition(spec)
    if (missing.length > 1 && missing.length === items.length && heading) {
      ctx.report(
        `Missing checkboxes on all ${missing.length} chunks, expected each chunk written as \`- [ ] **Title**\` so that progress can be tracked`,
        heading
      )
      return
    }
    for (const chunk of missing) {
      ctx.report(
        `Missing checkbox on chunk \`${chunkLabel(chunk)}\`, expected \`- [ ] **${chunk.detail?.title ?? chunk.title}**\``,
        at(boxPoint(ctx.source, chunk)),
        {expected: ['[ ] ']}
      )
    }
  },
  examples: {
    valid: [
      {input: plan('- [ ] **Models**\n\n  Outcome: Tables exist.\n\n- [x] **Seeds**\n\n  Outcome: Data loaded.\n')},
      {name: 'plain bullets are not chunks', input: plan('- [ ] **Models**\n\n  Outcome: Tables exist.\n\n### Phase 2: Launch\n\n- Client moves the domain.\n')}
    ],
    invalid: [
      {
        name: 'one chunk without a box',
        input: plan('- [ ] **Models**\n\n  Outcome: Tables exist.\n\n- **Seeds**\n\n  Outcome: Data loaded.\n'),
        messages: ['11:3: Missing checkbox on chunk `Seeds`, expected `- [ ] **Seeds**`'],
        output: plan('- [ ] **Models**\n\n  Outcome: Tables exist.\n\n- [ ] **Seeds**\n\n  Outcome: Data loaded.\n')
      },
      {
        name: 'an item named by a table row',
        input: plan(
          '| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables | — |\n| Seeds | Data | — |\n\n- [ ] **Models**\n\n  Outcome: Tables.\n\n- Seeds\n\n  Outcome: Data.\n'
        ),
        messages: ['16:3: Missing checkbox on chunk `Seeds`, expected `- [ ] **Seeds**`'],
        output: plan(
          '| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables | — |\n| Seeds | Data | — |\n\n- [ ] **Models**\n\n  Outcome: Tables.\n\n- [ ] Seeds\n\n  Outcome: Data.\n'
        )
      },
      {
        name: 'no chunk has a box: one message on the plan',
        input: plan('- **C1.1** Models and migrations\n- **C1.2** Seed data\n- **C1.3** Fixtures\n'),
        messages: ['3:1-3:18: Missing checkboxes on all 3 chunks, expected each chunk written as `- [ ] **Title**` so that progress can be tracked']
      }
    ]
  }
})
