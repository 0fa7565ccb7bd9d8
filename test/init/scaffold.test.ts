import {describe, expect, it} from 'vitest'
import {scaffoldSpec} from '../../src/init/index.js'
import {placeholders, skillsFor} from '../../src/init/scaffold.js'
import {modelOf, project, scaffoldFixture} from './helpers.js'

describe('scaffold mapping', () => {
  it('takes the title from the discovery H1 without `Discovery:` and derives the promise from it', () => {
    const {markdown, scaffold} = scaffoldFixture('backend-api.md')
    expect(markdown.startsWith('# Invoice Export API\n\n## Meta\n')).toBe(true)
    expect(scaffold.promise).toBe('INVOICE_EXPORT_API_COMPLETE')
    expect(modelOf(markdown).promise?.value).toBe('INVOICE_EXPORT_API_COMPLETE')
  })

  it('fills Meta with the type, repo, draft status and created date', () => {
    const meta = modelOf(scaffoldFixture('backend-api.md').markdown).meta
    expect(meta).toMatchObject({form: 'table', type: 'backend-api', repo: 'acme-api', status: 'draft', created: '2026-01-10'})
  })

  it('writes the Overview from problem and solution, at most 3 paragraphs', () => {
    const model = modelOf(scaffoldFixture('backend-api.md').markdown)
    const blocks = model.overview?.blocks.map((b) => b.text) ?? []
    expect(blocks).toHaveLength(3)
    expect(blocks[0]).toMatch(/^Finance exports invoices by hand/)
    expect(blocks[1]).toMatch(/^A REST endpoint that exports invoices/)
    expect(blocks[2]).toMatch(/^The API is a FastAPI service/)
  })

  it('lists Requirements from the solution overview and the in-scope items', () => {
    const model = modelOf(scaffoldFixture('backend-api.md').markdown)
    expect(model.requirements.map((r) => r.text)).toEqual([
      'GET /exports/invoices returns invoices for a date range as CSV or JSON',
      'Exports are generated from the invoice_export database view',
      'Each export is logged with who ran it and how many rows it had',
      'CSV and JSON formats',
      'Date-range filtering by issue date'
    ])
  })

  it('writes Architecture from key decisions (with their rationale) and constraints when the type needs it', () => {
    const {scaffold} = scaffoldFixture('backend-api.md')
    expect(scaffold.architecture?.map((g) => [g.label, g.items.map((i) => i.text)])).toEqual([
      [
        'Key decisions:',
        [
          "**Read-only database view.** Keeps the export query out of the invoice tables' locks.",
          '**Token authentication with the existing API keys.** Finance already has keys for the reporting API.',
          '**Streaming responses.** Exports reach 200k rows; buffering them risks memory spikes.'
        ]
      ],
      ['Constraints:', ['Responses must stream; no export may hold more than 50 MB in memory', 'Only users with the `finance` role may export']]
    ])
    const empty = scaffoldSpec({title: 'Landing page', type: 'frontend', project, created: '2026-01-10'})
    expect(empty.scaffold.architecture).toBeNull()
    expect(empty.markdown).not.toContain('## Architecture')
    const backend = scaffoldSpec({title: 'Export', type: 'backend-api', project, created: '2026-01-10'})
    expect(backend.scaffold.architecture?.flatMap((g) => g.items.map((i) => i.text))).toEqual([placeholders.architecture])
  })

  it('copies every reference path from discovery and leaves Spec Research to the human', () => {
    const groups = modelOf(scaffoldFixture('backend-api.md').markdown).referenceFiles
    expect(groups.map((g) => g.label)).toEqual(['From Discovery', 'From Spec Research'])
    expect(groups[0]?.entries.map((e) => e.path)).toEqual(['src/api/routes/reports.py', 'src/models/invoice.py', 'docs/api-auth.md'])
    expect(groups[1]?.entries.map((e) => [e.path, e.description])).toEqual([[placeholders.path, placeholders.fromSpecResearch]])
    const blank = modelOf(scaffoldSpec({title: 'X', project, created: '2026-01-10'}).markdown).referenceFiles
    expect(blank[0]?.entries.map((e) => [e.path, e.description])).toEqual([[placeholders.path, placeholders.fromDiscovery]])
  })

  it('keeps nested reference folders as full paths and never writes a home folder out', () => {
    const paths = modelOf(scaffoldFixture('decision-sections.md').markdown).referenceFiles[0]?.entries.map((e) => e.path)
    expect(paths).toEqual(['web/', 'web/app/', 'web/styles/tokens.css', '~/notes/studio-call.md'])
  })

  it('proposes an Execution Plan: a stream per component, schema before API, outcomes from requirements', () => {
    const model = modelOf(scaffoldFixture('backend-api.md').markdown)
    expect(model.plan?.workStreams?.streams.map((s) => [s.name, s.owns.map((o) => o.pattern)])).toEqual([
      ['data', ['src/models/invoice.py']],
      ['api', ['src/api/routes/reports.py']]
    ])
    expect(model.plan?.phases.map((p) => p.number)).toEqual([1, 2])
    expect(model.chunks.map((c) => [c.title, c.stream, c.phase])).toEqual([
      ['Data models and migrations', 'data', 1],
      ['API endpoints', 'api', 2]
    ])
    const [data, api] = model.chunks
    expect(data?.subtasks).toEqual(['Exports are generated from the invoice_export database view'])
    expect(data?.outcome).toMatch(/^Exports are generated from the .?invoice_export.? database view$/)
    expect(api?.subtasks).toContain('CSV and JSON formats')
    expect(data?.dependsOn.map((d) => d.kind)).toEqual(['none'])
    expect(api?.dependsOn.map((d) => [d.kind, d.phase])).toEqual([['phase', 1]])
    expect(model.plan?.communication?.rows.map((r) => [r.from, r.to, r.what])).toEqual([['data', 'api', 'Model schemas and field types']])
    expect(model.chunks.every((c) => !c.outcome?.includes('['))).toBe(true)
  })

  it('puts the hybrid agent chunk, marked for agent-spec-builder, in its own phase after the others', () => {
    const {markdown, workType} = scaffoldFixture('hybrid.md')
    expect(workType.type).toBe('hybrid')
    const model = modelOf(markdown)
    const last = Math.max(...(model.plan?.phases.map((p) => p.number) ?? []))
    const agent = model.chunks.find((c) => c.stream === 'agent')
    expect(agent).toMatchObject({title: 'Agent system', phase: last, skills: ['agent-spec-builder', 'agent-impl-builder']})
    expect(agent?.dependsOn.map((d) => [d.kind, d.phase])).toEqual([['phase', last - 1]])
    expect(markdown).toContain('- [ ] **Agent system** (requires agent-spec-builder)\n')
    expect(model.plan?.workStreams?.streams.map((s) => s.name)).toEqual(['data', 'api', 'frontend', 'agent'])
    // API before the frontend that calls it; the agent's requirements are its sub-tasks.
    expect(model.chunks.find((c) => c.stream === 'api')?.phase).toBeLessThan(model.chunks.find((c) => c.stream === 'frontend')?.phase ?? 0)
    expect(agent?.subtasks).toContain('The agent drafts replies from help-centre articles with citations')
    expect(model.chunks.filter((c) => c.phase < last).every((c) => c.stream !== 'agent')).toBe(true)
  })

  it('takes Acceptance Criteria from success criteria plus the test and lint commands', () => {
    const model = modelOf(scaffoldFixture('backend-api.md').markdown)
    expect(model.acceptance?.criteria.map((c) => c.text)).toEqual([
      "An export of one month of invoices matches the admin screen's totals",
      'Unauthorised users receive 403 from the export endpoint',
      'All tests pass: pytest',
      'Linting clean: ruff check .'
    ])
    expect(model.acceptance?.criteria.map((c) => c.checked)).toEqual([false, false, false, false])
    expect(model.acceptance?.criteria.flatMap((c) => c.commands)).toEqual(['pytest', 'ruff check .'])
  })

  it('guesses make commands, flagged by placeholders, and a criterion placeholder when nothing is known', () => {
    const {markdown} = scaffoldFixture('frontend.md', {project: {repo: 'recipes', testCommand: null, lintCommand: null}})
    expect(markdown).toContain(
      `- [ ] ${placeholders.criterion}\n- [ ] All tests pass: \`make test\` ${placeholders.testCommand}\n- [ ] Linting clean: \`make lint\` ${placeholders.lintCommand}\n`
    )
  })

  it('keeps open and resolved questions, out of scope and deferred items in Notes, and cites the discovery in Meta', () => {
    const {scaffold, markdown} = scaffoldFixture('backend-api.md')
    expect(scaffold.notes.map((n) => n.label)).toEqual(['Open questions from discovery:', 'Out of scope:', 'Deferred:', ''])
    expect(markdown).toMatch(/^\| Discovery +\| `docs\/backend-api\.md` +\|$/m)
    // Decisions live in Architecture, once.
    expect(markdown.match(/Read-only database view/g)).toHaveLength(1)
    expect(markdown).toContain('- Should the export include voided invoices?\n')
    const table = scaffoldFixture('decision-table.md')
    expect(table.scaffold.notes.find((n) => n.label === 'Resolved during discovery:')?.items).toEqual([
      'RESOLVED: payloads carry the full parcel, not a diff.',
      'Retry window agreed at 24 hours'
    ])
    expect(table.scaffold.notes.find((n) => n.label === 'Open questions from discovery:')?.items).toEqual(['Do shops need per-event-type subscriptions?'])
  })

  it('turns a success statement into an acceptance criterion and keeps requirement ids', () => {
    const model = modelOf(scaffoldFixture('decision-table.md').markdown)
    expect(model.acceptance?.criteria[0]?.text).toBe(
      'Shops hear about every status change within one minute, and polling traffic falls by half within a month of launch.'
    )
    expect(model.requirements.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4'])
  })

  it('picks skills from the work type', () => {
    const none = {evidence: [], source: 'option' as const}
    expect(skillsFor('backend-api', {type: 'backend-api', ...none})).toEqual(['backend-api'])
    expect(skillsFor('frontend', {type: 'frontend', ...none})).toEqual(['frontend-nextjs'])
    expect(skillsFor('agent-dspy', {type: 'agent-dspy', ...none})).toEqual(['agent-spec-builder', 'agent-impl-builder'])
    expect(skillsFor('hybrid', {type: 'hybrid', ...none})).toEqual(['backend-api', 'agent-spec-builder'])
  })

  it('gives a document with no discovery sections the same blank template as a title', () => {
    const fromDoc = scaffoldFixture('no-sections.md')
    const fromTitle = scaffoldSpec({title: 'Meeting notes', project, created: '2026-01-10'})
    expect(fromDoc.blank).toBe(true)
    expect(fromDoc.markdown).toBe(fromTitle.markdown)
    expect(fromTitle.workType.source).toBe('default')
  })

  it('refuses to scaffold without any title', () => {
    expect(() => scaffoldSpec({source: '## Problem\n\nx\n', project, created: '2026-01-10'})).toThrow(/no title/)
  })
})
