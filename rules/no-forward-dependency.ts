import {defineRule, noOptions} from '../src/rule.js'
import {chunkGraphOf, findForwardDependencies} from '../src/analysis/graph.js'
import {chunkLabel, executionPlan} from '../src/model/plan-queries.js'

const plan = (one: string, two: string) =>
  `# T\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Models | Tables | ${one} |\n| Utilities | Helpers | — |\n\n### Phase 2: Endpoints\n\n| Chunk | Outcome | Depends On |\n|---|---|---|\n| Login | Users log in | ${two} |\n`

export default defineRule({
  id: 'no-forward-dependency',
  summary: 'No chunk depends on its own phase as a whole, or on a later phase or chunk',
  description:
    'Phases run in order. Fires on a chunk that depends on its own phase as a whole (`Phase 2` inside phase 2), on a later phase, or on a chunk of a later phase. Chunks of the same phase may depend on each other.',
  rationale: 'A chunk cannot wait for work that is scheduled after it: the plan either deadlocks or runs the chunk before what it needs.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    if (!executionPlan(spec)) return
    const graph = chunkGraphOf(spec)
    for (const found of findForwardDependencies(graph)) {
      const chunk = graph.chunks[found.chunk]
      if (!chunk) continue
      const own = chunk.phase === null ? 'its phase' : `Phase ${chunk.phase}`
      const name = chunkLabel(chunk)
      const reason =
        found.kind === 'own-phase'
          ? `Unexpected dependency of \`${name}\` on its own phase \`${found.ref.text}\`, expected an earlier phase or chunks of ${own}`
          : found.kind === 'later-phase'
            ? `Unexpected dependency of \`${name}\` (${own}) on later \`${found.ref.text}\`, expected an earlier phase`
            : `Unexpected dependency of \`${name}\` (${own}) on \`${found.ref.text}\` of later Phase ${found.ref.phase ?? '?'}, expected a chunk of an earlier phase or of ${own}`
      ctx.report(reason, found.ref.position)
    }
  },
  examples: {
    valid: [
      {name: 'an earlier phase and a chunk of it', input: plan('—', 'Phase 1 + Utilities')},
      {name: 'a chunk of the same phase', input: plan('Utilities', 'Phase 1')}
    ],
    invalid: [
      {
        name: 'its own phase',
        input: plan('—', 'Phase 2'),
        messages: ['16:26-16:33: Unexpected dependency of `Login` on its own phase `Phase 2`, expected an earlier phase or chunks of Phase 2']
      },
      {
        name: 'a later phase',
        input: plan('Phase 2', 'Phase 1'),
        messages: ['9:21-9:28: Unexpected dependency of `Models` (Phase 1) on later `Phase 2`, expected an earlier phase']
      },
      {
        name: 'a chunk of a later phase',
        input: plan('Login', '—'),
        messages: ['9:21-9:26: Unexpected dependency of `Models` (Phase 1) on `Login` of later Phase 2, expected a chunk of an earlier phase or of Phase 1']
      }
    ]
  }
})
