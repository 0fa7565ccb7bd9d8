import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildSpec} from '../src/model/build.js'
import type {Chunk, SpecModel} from '../src/model/schema.js'
import {renderDot, renderMermaid, renderText} from '../src/plan/render.js'
import {buildSchedule, criticalPath, CycleError, readyChunks} from '../src/plan/schedule.js'
import {renderStatusTable, specStatus, specStatusSchema, statusJsonSchema} from '../src/plan/status.js'
import {planDocument, planDocumentSchema, planJsonSchema} from '../src/plan/tasks.js'
import {specProcessor} from '../src/parse/processor.js'

const root = path.resolve(import.meta.dirname, '..')
// `../shared/corpus` beside the repository; SPEC_LINT_CORPUS points elsewhere (a worktree checkout).
const corpus = process.env.SPEC_LINT_CORPUS ?? path.resolve(root, '../shared/corpus')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

function model(value: string) {
  return buildSpec(specProcessor().parse(value), value)
}

/** A spec of phases, each a list of `[title, checked, dependsOn?]`. */
function specOf(phases: Array<Array<[string, boolean, string?]>>): string {
  const out = ['# Generated', '', '## Execution Plan', '']
  phases.forEach((chunks, p) => {
    out.push(`### Phase ${p + 1}: Step ${p + 1}`, '')
    for (const [title, checked, depends] of chunks) {
      out.push(`- [${checked ? 'x' : ' '}] **${title}**`)
      if (depends) out.push(`  Depends On: ${depends}`)
    }
    out.push('')
  })
  return out.join('\n')
}

describe('plan document', () => {
  const spec = model(read('fixtures/plan/specs/report-builder.md'))
  const doc = planDocument(spec, 'report-builder.md')

  it('validates against its exported schema and JSON Schema', () => {
    expect(planDocumentSchema.parse(doc)).toEqual(doc)
    const schema = planJsonSchema()
    expect(schema.$schema).toContain('2020-12')
    expect(Object.keys((schema.properties as Record<string, unknown>) ?? {})).toEqual(expect.arrayContaining(['tasks', 'ready', 'criticalPath', 'cycles']))
  })

  it('lists one task per chunk with its fields', () => {
    expect(doc.tasks.map((t) => t.key)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'])
    expect(doc.tasks[0]).toMatchObject({
      key: 'C1',
      id: 'C1',
      title: 'Saved query model',
      issueId: 'REP-1',
      phase: 1,
      phaseName: 'Foundation',
      stream: 'data',
      skills: ['backend-api'],
      checked: true,
      outcome: 'Queries are stored with a name, owner and schedule.',
      subtasks: ['Add the table and migration'],
      line: 60
    })
    // No `Skills:` line: the stream's skills from the Work Streams table.
    expect(doc.tasks[4]).toMatchObject({key: 'C5', skills: ['frontend'], stream: 'web'})
  })

  it('expands written phase references and adds the sequential barrier to blockedBy', () => {
    const blocked = Object.fromEntries(doc.tasks.map((t) => [t.key, t.blockedBy]))
    expect(blocked).toEqual({
      C1: [],
      C2: ['C1'],
      C3: [],
      // `Phase 1` written, and the barrier: every chunk of phase 1.
      C4: ['C1', 'C2', 'C3'],
      // `C3` written; the barrier adds the rest of phase 1.
      C5: ['C1', 'C2', 'C3'],
      // `Phase 2` written (the barrier too).
      C6: ['C4', 'C5'],
      // `C6 + Phase 1` written, plus the barrier of phase 2.
      C7: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']
    })
    expect(doc.tasks.find((t) => t.key === 'C7')?.dependsOn).toEqual(['C6', 'Phase 1'])
  })

  it('gives the ready set and the critical path', () => {
    expect(doc.ready).toEqual(['C2'])
    expect(doc.tasks.filter((t) => t.ready).map((t) => t.key)).toEqual(['C2'])
    expect(doc.criticalPath).toEqual(['C2', 'C4', 'C6', 'C7'])
    expect(doc.cycles).toEqual([])
  })

  it('renders a text listing', () => {
    const text = renderText(doc, spec)
    expect(text).toContain('Report Builder: 2/7 chunks done')
    expect(text).toContain('  [ ] C2  Query runner (REP-2)  · data  ready')
    expect(text).toContain('  [ ] C7  Email digest (REP-7)  · data  waits for C2, C4, C5, C6')
    expect(text).toContain('Critical path (4): C2 → C4 → C6 → C7')
  })

  it('renders Mermaid with a subgraph per phase, done styling and dependency edges', () => {
    const mermaid = renderMermaid(doc, spec)
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true)
    expect(mermaid.match(/^ {2}subgraph /gm)).toHaveLength(3)
    expect(mermaid).toContain('  subgraph p0["Phase 1: Foundation"]\n    c0["C1 Saved query model (REP-1)"]')
    expect(mermaid).toContain('  p0 --> p1\n  p1 --> p2\n')
    expect(mermaid).toContain('  c0 --> c1\n') // C2 depends on C1
    expect(mermaid).toContain('  c2 --> c4\n') // C5 depends on C3
    expect(mermaid).toContain('  p0 --> c6\n') // C7 depends on Phase 1
    expect(mermaid).not.toContain('p0 --> c3') // C4's `Phase 1` is the barrier already drawn
    expect(mermaid).toContain('  class c0,c2 done\n')
    expect(mermaid).toContain('  class c1 ready\n')
  })

  it('renders Graphviz with a cluster per phase', () => {
    const dot = renderDot(doc, spec)
    expect(dot.startsWith('digraph plan {\n  compound=true;')).toBe(true)
    expect(dot.match(/subgraph cluster_p\d/g)).toEqual(['subgraph cluster_p0', 'subgraph cluster_p1', 'subgraph cluster_p2'])
    expect(dot).toContain('c0 [label="C1 Saved query model (REP-1)", style="rounded,filled"')
    expect(dot).toContain('  c0 -> c1;\n')
    expect(dot).toContain('  c0 -> c3 [ltail=cluster_p0, lhead=cluster_p1, style=dashed];')
    expect(dot.trimEnd().endsWith('}')).toBe(true)
  })

  it('escapes quotes in diagram labels', () => {
    const quoted = model(specOf([[['Say "hi" `now`', false]]]))
    const d = planDocument(quoted, 'q.md')
    expect(renderMermaid(d, quoted)).toContain('c0["Say #quot;hi#quot; now"]')
    expect(renderDot(d, quoted)).toContain('c0 [label="Say \\"hi\\" now", penwidth=3];')
  })
})

describe('schedule', () => {
  it('keeps later phases waiting until the previous phase is checked', () => {
    const spec = model(
      specOf([
        [
          ['A', true],
          ['B', false]
        ],
        [['C', false]],
        [['D', false]]
      ])
    )
    const {graph} = buildSchedule(spec)
    expect(readyChunks(graph).map((c) => c.key)).toEqual(['b'])
    expect(criticalPath(graph).map((c) => c.key)).toEqual(['b', 'c', 'd'])
  })

  it('skips a phase without chunks for the barrier', () => {
    const value = specOf([[['A', true]], [], [['C', false]]])
    const spec = model(value)
    expect(planDocument(spec, 'x.md').tasks.find((t) => t.key === 'c')?.blockedBy).toEqual(['a'])
    expect(readyChunks(buildSchedule(spec).graph).map((c) => c.key)).toEqual(['c'])
  })

  it('orders the ready set by phase, then document order', () => {
    const spec = model(
      specOf([
        [
          ['A', true],
          ['B', false],
          ['C', false, 'A']
        ]
      ])
    )
    expect(readyChunks(buildSchedule(spec).graph).map((c) => c.key)).toEqual(['b', 'c'])
  })

  it('follows chains inside a phase for the critical path', () => {
    const spec = model(
      specOf([
        [
          ['A', false],
          ['B', false, 'A'],
          ['C', false, 'B'],
          ['D', false]
        ],
        [['E', false]]
      ])
    )
    expect(criticalPath(buildSchedule(spec).graph).map((c) => c.key)).toEqual(['a', 'b', 'c', 'e'])
  })

  it('leaves checked chunks out of the critical path and is empty when all are done', () => {
    const spec = model(specOf([[['A', true]], [['B', false]], [['C', false]]]))
    expect(criticalPath(buildSchedule(spec).graph).map((c) => c.key)).toEqual(['b', 'c'])
    const finished = model(specOf([[['A', true]], [['B', true]]]))
    expect(criticalPath(buildSchedule(finished).graph)).toEqual([])
    expect(readyChunks(buildSchedule(finished).graph)).toEqual([])
  })

  it('reports a cycle: never ready, no critical path', () => {
    const spec = model(read('fixtures/plan/specs/cyclic.md'))
    const schedule = buildSchedule(spec)
    expect(schedule.cycles).toEqual(['parser → printer → parser'])
    expect(readyChunks(schedule.graph).map((c) => c.key)).toEqual(['docs'])
    expect(() => criticalPath(schedule.graph)).toThrow(CycleError)
    expect(() => criticalPath(schedule.graph)).toThrow('Unexpected dependency cycle parser → printer → parser, expected an acyclic plan')
    const doc = planDocument(spec, 'cyclic.md')
    expect(doc.criticalPath).toEqual([])
    expect(doc.cycles).toEqual(['parser → printer → parser'])
  })

  it('treats a dependency on a later phase as a deadlock under sequential phases', () => {
    const spec = model(specOf([[['A', false, 'B']], [['B', false]]]))
    expect(buildSchedule(spec).cycles).toEqual(['a → b → Phase 1 → a'])
  })

  it('handles long chains and wide phases without recursion', () => {
    // Models built directly: parsing 20 000 list items is remark's cost, not the schedule's.
    const chain = synthetic(Array.from({length: 20_000}, (_, i) => ({phase: 1, checked: false, after: i > 0 ? `k${i - 1}` : undefined})))
    const chained = buildSchedule(chain)
    const path = criticalPath(chained.graph)
    expect(path).toHaveLength(20_000)
    expect(path[0]?.key).toBe('k0')
    expect(readyChunks(chained.graph).map((c) => c.key)).toEqual(['k0'])
    const wide = synthetic(Array.from({length: 5_000}, (_, i) => ({phase: Math.floor(i / 50), checked: i < 50})))
    const schedule = buildSchedule(wide)
    expect(readyChunks(schedule.graph)).toHaveLength(50)
    expect(criticalPath(schedule.graph)).toHaveLength(99)
    // blockedBy expands the barrier: the 50 chunks of the phase before.
    expect(schedule.blockedBy[4_999]).toHaveLength(50)
  })
})

/** A model with only chunks, for scale: `after` is a chunk key this one depends on. */
function synthetic(items: Array<{phase: number; checked: boolean; after?: string}>): Pick<SpecModel, 'chunks' | 'plan'> {
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  const chunks = items.map((item, i): Chunk => ({
    key: `k${i}`,
    id: null,
    title: `Chunk ${i}`,
    slug: `k${i}`,
    phase: item.phase,
    phaseIndex: item.phase,
    issueId: null,
    checked: item.checked,
    stream: null,
    outcome: null,
    skills: null,
    dependsOn: item.after ? [{text: item.after, kind: 'chunk', phase: item.phase, target: item.after, position}] : [],
    subtasks: [],
    row: null,
    detail: null
  }))
  return {chunks, plan: null}
}

describe('status', () => {
  const statusOf = (value: string) => specStatus(model(value), 'x.md')

  it('counts phases, chunks and criteria and names the next chunks', () => {
    const status = specStatus(model(read('fixtures/plan/specs/report-builder.md')), 'report-builder.md')
    expect(specStatusSchema.parse(status)).toEqual(status)
    expect(status).toMatchObject({
      status: 'in-progress',
      phases: {done: 0, total: 3},
      chunks: {done: 2, total: 7},
      criteria: {done: 1, total: 3},
      next: [{key: 'C2', title: 'Query runner'}],
      promise: 'REPORT_BUILDER_COMPLETE',
      mismatch: null
    })
    expect(statusJsonSchema().$schema).toContain('2020-12')
  })

  const meta = (status: string) => `# S\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | ${status} |\n\n`

  it('flags `complete` with unchecked boxes at the Status cell', () => {
    const status = statusOf(read('fixtures/plan/specs/finished-but-draft.md'))
    expect(status.mismatch).toEqual({
      reason: 'Unexpected Status `complete` with 1 chunk and 1 criterion unchecked, expected `in-progress`',
      expected: 'in-progress',
      line: 9,
      column: 12
    })
  })

  it('flags `in-progress` with everything checked and `draft` with work done', () => {
    const plan = '## Execution Plan\n\n### Phase 1: A\n\n- [x] **One**\n- [x] **Two**\n\n## Acceptance Criteria\n\n- [x] Works\n'
    expect(statusOf(meta('in-progress') + plan).mismatch?.reason).toBe(
      'Unexpected Status `in-progress` with every chunk and criterion checked, expected `complete`'
    )
    expect(statusOf(meta('draft') + plan.replace('- [x] **Two**', '- [ ] **Two**')).mismatch).toMatchObject({
      reason: 'Unexpected Status `draft` with 2 checked boxes, expected `in-progress`',
      expected: 'in-progress'
    })
    expect(statusOf(meta('complete') + plan).mismatch).toBeNull()
    expect(statusOf(meta('in-progress') + plan.replace('- [x] Works', '- [ ] Works')).mismatch).toBeNull()
    expect(statusOf(meta('draft') + plan.replaceAll('[x]', '[ ]')).mismatch).toBeNull()
  })

  it('does not judge a spec without checkboxes or without a Status', () => {
    expect(statusOf(meta('complete') + '## Execution Plan\n\n### Phase 1: A\n\n- **C1** Build it\n').mismatch).toBeNull()
    expect(statusOf('# S\n\n## Execution Plan\n\n### Phase 1: A\n\n- [ ] **One**\n').mismatch).toBeNull()
  })

  it('renders one table with a row per spec and the mismatches under it', () => {
    const rows = [
      specStatus(model(read('fixtures/plan/specs/report-builder.md')), 'a.md'),
      specStatus(model(read('fixtures/plan/specs/finished-but-draft.md')), 'b.md')
    ]
    const lines = renderStatusTable(rows).split('\n')
    expect(lines[0]).toMatch(/^Spec\s+Status\s+Phases\s+Chunks\s+Criteria\s+Next\s+Promise$/)
    expect(lines[2]).toMatch(/^a\.md\s+in-progress\s+0\/3\s+2\/7\s+1\/3\s+C2\s+REPORT_BUILDER_COMPLETE$/)
    expect(lines[3]).toMatch(/^b\.md\s+complete \(!\)\s+0\/1\s+1\/2\s+1\/2\s+about-page\s+FINISHED_BUT_DRAFT_COMPLETE$/)
    expect(lines).toContain('b.md:9:12  Unexpected Status `complete` with 1 chunk and 1 criterion unchecked, expected `in-progress`')
  })
})

describe.runIf(fs.existsSync(corpus))('corpus', () => {
  const specs = fs.existsSync(corpus) ? fs.readdirSync(path.join(corpus, 'specs')).filter((f) => f.endsWith('.md')) : []

  it.each(specs)('%s: plan and status are valid and never throw', (name) => {
    const spec = model(fs.readFileSync(path.join(corpus, 'specs', name), 'utf8'))
    const doc = planDocument(spec, name)
    expect(planDocumentSchema.parse(doc)).toEqual(doc)
    expect(specStatusSchema.parse(specStatus(spec, name))).toBeTruthy()
    expect(renderMermaid(doc, spec)).toMatch(/^flowchart TD\n/)
    expect(renderDot(doc, spec)).toMatch(/^digraph plan \{/)
  })

  it('schedules the Fight Hub spec phase by phase (phases from 0, no checkboxes)', () => {
    const spec = model(fs.readFileSync(path.join(corpus, 'specs/fight-hub-gym-website.md'), 'utf8'))
    const doc = planDocument(spec, 'fight-hub.md')
    expect(doc.ready).toEqual(['C0.1', 'C0.2'])
    expect(doc.tasks.find((t) => t.key === 'C1.1')?.blockedBy).toEqual(['C0.1', 'C0.2'])
    // One chunk per phase, 0 to 5: Phase 6's plain bullets are client actions, not chunks.
    expect(doc.criticalPath.map((key) => doc.tasks.find((t) => t.key === key)?.phase)).toEqual([0, 1, 2, 3, 4, 5])
    // The whole item is kept, not only its first line.
    expect(doc.tasks.find((t) => t.key === 'C1.1')?.title).toContain('SiteFooter')
    expect(specStatus(spec, 'fight-hub.md')).toMatchObject({
      status: 'draft',
      phases: {done: 0, total: 6},
      chunks: {done: 0, total: 17},
      criteria: {done: 0, total: 11},
      promise: 'NEXTGEN_FIGHTHUB_SITE_SPEC_COMPLETE',
      mismatch: null
    })
  })

  it('schedules the canonical JWT example', () => {
    const spec = model(fs.readFileSync(path.join(corpus, 'specs/template-v3-example-jwt-auth.md'), 'utf8'))
    const doc = planDocument(spec, 'jwt.md')
    expect(doc.ready).toEqual(['login-and-register-endpoints', 'token-refresh-endpoint'])
    expect(doc.criticalPath).toEqual(['login-and-register-endpoints', 'auth-middleware-and-rate-limiting'])
    expect(specStatus(spec, 'jwt.md')).toMatchObject({phases: {done: 1, total: 3}, chunks: {done: 2, total: 5}, mismatch: null})
  })
})
