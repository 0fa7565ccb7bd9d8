import {splitChunkId} from '../src/model/text.js'
import {defineRule, noOptions} from '../src/rule.js'
import {cellOf, executionPlan} from '../src/model/plan-queries.js'

const plan = (row: string, item: string) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| ${row} | Done | — |\n\n- [ ] **${item}**\n\n  Outcome: Done.\n`

export default defineRule({
  id: 'chunk-title-consistent',
  summary: "A chunk's table row and checklist item use the same title",
  description:
    "Fires on a table row and checklist item that `chunk-details-match` pairs but whose titles are not identical (`Login and register` ↔ `Login and register endpoints`). The fix rewrites the row's Chunk cell to the item's title, unless that would drop a chunk id (`C2`) the item does not repeat.",
  rationale: 'Depends On refers to chunks by title; one name per chunk keeps references, issue trackers and progress reports in agreement.',
  category: 'plan',
  recommended: 'off',
  strict: 'warn',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    for (const chunk of spec.chunks) {
      if (!chunk.row || !chunk.detail) continue
      const cell = cellOf(chunk.row.cells, 'chunk', 'name', 'title')
      const title = chunk.detail.title.trim()
      if (!cell || title === '' || cell.text.trim() === title) continue
      // Dropping an id the item lacks would break references to it (`Depends On: C2`): no fix then.
      const keepsId = splitChunkId(cell.text.trim()).id === null || splitChunkId(title).id !== null
      ctx.report(
        `Unexpected chunk title \`${cell.text.trim()}\`, expected \`${title}\` as in its checklist item`,
        cell.position,
        keepsId ? {expected: [title.replace(/\|/g, '\\|')]} : {}
      )
    }
  },
  examples: {
    valid: [{input: plan('Auth utilities', 'Auth utilities')}, {name: 'inline markdown in the cell', input: plan('**Auth utilities**', 'Auth utilities')}],
    invalid: [
      {
        name: 'a shorter row title',
        input: plan('Login and register', 'Login and register endpoints'),
        messages: ['9:3-9:21: Unexpected chunk title `Login and register`, expected `Login and register endpoints` as in its checklist item'],
        output:
          '# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Login and register endpoints | Done | — |\n\n- [ ] **Login and register endpoints**\n\n  Outcome: Done.\n'
      },
      {
        name: '`+` and `and`',
        input: plan('User model + token model', 'User model and token model'),
        messages: ['9:3-9:27: Unexpected chunk title `User model + token model`, expected `User model and token model` as in its checklist item'],
        output:
          '# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| User model and token model | Done | — |\n\n- [ ] **User model and token model**\n\n  Outcome: Done.\n'
      },
      {
        name: 'a chunk id only in the row: no fix',
        input: plan('C2 Database schema', 'Database schema'),
        messages: ['9:3-9:21: Unexpected chunk title `C2 Database schema`, expected `Database schema` as in its checklist item']
      }
    ]
  }
})
