// Timing of the plan rules on generated plans: `npm run build && node bench/plan.mjs [phases]`.
import {performance} from 'node:perf_hooks'
import remarkGfm from 'remark-gfm'
import {rules} from '../dist/rules/index.js'
import {buildSpec} from '../dist/src/model/build.js'
import remarkSpec from '../dist/src/model/plugin.js'
import {buildChunkGraph, findCycles, findForwardDependencies, topologicalOrder} from '../dist/src/analysis/graph.js'
import {ownershipConflicts} from '../dist/src/analysis/ownership.js'
import {lint} from '../dist/src/engine/lint.js'
import {specProcessor} from '../dist/src/parse/processor.js'

const phases = Number(process.argv[2] ?? 1000)
const lines = ['# Big', '', '## Execution Plan', '', '### Work Streams', '', '| Stream | Responsibility | Owns | Skills |', '|---|---|---|---|']
for (let s = 0; s < 50; s++) lines.push(`| s${s} | Part ${s} | src/part${s}/, \`lib/**/*.s${s}\` | x |`)
lines.push('')
for (let p = 1; p <= phases; p++) {
  lines.push(`### Phase ${p}: Step ${p}`, '', '| Chunk | Stream | Outcome | Depends On |', '|---|---|---|---|')
  lines.push(
    `| C${2 * p - 1} Left ${p} | s${p % 50} | done | ${p === 1 ? '—' : `Phase ${p - 1}`} |`,
    `| C${2 * p} Right ${p} | s${p % 50} | done | C${2 * p - 1} |`,
    ''
  )
  for (const n of [2 * p - 1, 2 * p]) {
    lines.push(
      `- [ ] **C${n} ${n % 2 ? 'Left' : 'Right'} ${p}**`,
      '',
      '  Outcome: done.',
      `  Stream: s${p % 50}`,
      '  Skills: —',
      '',
      '  - Write the export of part one',
      ''
    )
  }
}
const value = lines.join('\n')
const time = (label, fn) => {
  const start = performance.now()
  const result = fn()
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`)
  return result
}
const tree = time(`parse (${phases} phases, ${2 * phases} chunks)`, () => specProcessor().parse(value))
const spec = time('model', () => buildSpec(tree, value))
time('graph + cycles + forward + order', () => {
  const graph = buildChunkGraph(spec)
  findCycles(graph)
  findForwardDependencies(graph)
  topologicalOrder(graph)
})
time('ownership (20,000 paths)', () => ownershipConflicts(Array.from({length: 20_000}, (_, i) => ({owner: i % 9, pattern: `src/m${i}/`}))))
const plan = rules.filter((p) => p.rule.category === 'plan').map((p) => [p, ['error']])
const start = performance.now()
const file = await lint(value, {preset: {plugins: [remarkGfm, remarkSpec, ...plan]}})
console.log(`lint with every plan rule (parse included): ${(performance.now() - start).toFixed(0)} ms, ${file.messages.length} messages`)
