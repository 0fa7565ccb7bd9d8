import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {classifyHeading, discoveryTitle, hasContent, readDiscovery} from '../../src/discovery/index.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/discovery')
/** Item texts, as written. */
const texts = (items: ReadonlyArray<{text: string}>) => items.map((item) => item.text)
const read = (name: string) => readDiscovery(fs.readFileSync(path.join(fixtures, name), 'utf8'))

describe('discovery headings', () => {
  it.each([
    ['## 1. Problem Statement', 'problem'],
    ['Problem statement', 'problem'],
    ['2) Solution overview', 'solution'],
    ['Key decisions (with rationale)', 'decisions'],
    ['Constraints:', 'constraints'],
    ['Scope', 'scope'],
    ['Out of Scope', 'scope'],
    ['Context', 'context'],
    ['Reference files', 'references'],
    ['Success Criteria', 'success'],
    ['Open questions (resolve during spec/build)', 'questions'],
    ['Open Questions for Spec Creation', 'questions'],
    ['Next steps', 'next'],
    ['Pricing (confirmed by Hayden, locked)', null],
    ['Workflow Architecture', null]
  ])('%s → %s', (heading, kind) => {
    expect(classifyHeading(heading.replace(/^## /, ''))).toBe(kind)
  })

  it.each([
    ['Discovery: Invoice Export API', 'Invoice Export API'],
    ['Framework Skill Builder - Discovery Document', 'Framework Skill Builder'],
    ['Recipe Box (discovery)', 'Recipe Box'],
    ['Webhook retries', 'Webhook retries']
  ])('title %s → %s', (raw, title) => {
    expect(discoveryTitle(raw)).toBe(title)
  })
})

describe('readDiscovery', () => {
  it('reads numbered headings, bold header lines and every discovery section', () => {
    const doc = read('backend-api.md')
    expect(doc.title).toBe('Invoice Export API')
    expect(doc.headers).toEqual({Created: '2026-01-12', Status: 'Ready for spec creation'})
    expect(doc.problem[0]).toMatch(/^Finance exports invoices by hand .* one file in five\.$/)
    expect(doc.requirements.filter((g) => g.source === 'solution').flatMap((g) => g.items.map((i) => i.text))).toEqual([
      '`GET /exports/invoices` returns invoices for a date range as CSV or JSON',
      'Exports are generated from the `invoice_export` database view',
      'Each export is logged with who ran it and how many rows it had'
    ])
    expect(doc.decisions.map((d) => d.title)).toEqual(['Read-only database view', 'Token authentication with the existing API keys', 'Streaming responses'])
    expect(doc.constraints).toHaveLength(2)
    expect({in: texts(doc.scope.in), out: texts(doc.scope.out), deferred: texts(doc.scope.deferred)}).toEqual({
      in: ['CSV and JSON formats', 'Date-range filtering by issue date'],
      out: ['Scheduling exports', 'Export to the accounting system directly'],
      deferred: ['XLSX format']
    })
    expect(doc.context.paragraphs).toHaveLength(1)
    expect(doc.references.map((r) => [r.path, r.description])).toEqual([
      ['src/api/routes/reports.py', 'Existing reporting endpoints'],
      ['src/models/invoice.py', 'Invoice model and relationships'],
      ['docs/api-auth.md', 'API key authentication']
    ])
    expect(texts(doc.success)).toEqual([
      "An export of one month of invoices matches the admin screen's totals",
      'Unauthorised users receive 403 from the export endpoint'
    ])
    expect(texts(doc.questions)).toEqual(['Should the export include voided invoices?', 'Do we need a row limit per request?'])
    expect(doc.questions.map((q) => q.resolved)).toEqual([false, false])
    expect(Object.keys(doc.found).sort()).toEqual(
      ['constraints', 'context', 'decisions', 'next', 'problem', 'questions', 'references', 'scope', 'solution', 'success'].sort()
    )
  })

  it('reads sentence-case headings and bold scope labels', () => {
    const doc = read('frontend.md')
    expect(doc.title).toBe('Recipe Box')
    expect(doc.found.decisions).toBe('Key decisions (with rationale)')
    expect(texts(doc.scope.in)).toEqual(['Card grid, detail page, cook mode'])
    expect(texts(doc.scope.out)).toEqual(['User accounts and saved favourites'])
  })

  it('reads decisions written as subsections with a Rationale line and ✓ success criteria', () => {
    const doc = read('pure-agent.md')
    expect(doc.decisions.map(({title, body, rationale}) => ({title, body, rationale}))).toEqual([
      {title: 'Three agent roles', body: '', rationale: "Separate prompts for finding, reading and editing keep each agent's context small."},
      {title: 'LangGraph orchestration', body: '', rationale: 'The graph gives retries and checkpoints between agents for free.'}
    ])
    expect(texts(doc.success)).toEqual(['A weekly digest covers every paper the scout agent found', 'Each summary cites its paper'])
    expect(doc.found.questions).toBe('Open Questions for Spec Creation')
  })

  it('keeps extra sections apart and tolerates a missing Scope', () => {
    const doc = read('no-scope.md')
    expect(doc.found.scope).toBeUndefined()
    expect(doc.scope).toEqual({in: [], out: [], deferred: []})
    // A domain section is carried as structured requirements, not dropped.
    expect(doc.requirements.map((g) => [g.source, g.heading])).toEqual([['structured', 'Delivery guarantees']])
    expect(doc.uncarried).toEqual([])
    expect(doc.decisions).toHaveLength(2)
    expect(hasContent(doc)).toBe(true)
  })

  it('finds nothing in a document with none of the sections', () => {
    const doc = read('no-sections.md')
    expect(doc.title).toBe('Meeting notes')
    expect(doc.found).toEqual({})
    expect(doc.requirements.map((g) => g.heading)).toEqual(['Attendees'])
    expect(hasContent(doc)).toBe(false)
  })

  it('folds a label and its list into one sentence and skips a label before code', () => {
    const doc = readDiscovery(
      '# X\n\n## Problem\n\nBuilding skills is currently:\n\n1. **Repetitive** - same steps\n2. **Slow** - hours each\n\n## Solution\n\nA tool.\n\n**Process:**\n\n```\na → b\n```\n\n**Input:** a name\n'
    )
    expect(doc.problem).toEqual(['Building skills is currently: Repetitive, Slow.'])
    expect(doc.solution).toEqual(['A tool.', '**Input:** a name'])
  })

  it('reads CRLF documents the same as LF ones', () => {
    const lf = fs.readFileSync(path.join(fixtures, 'backend-api.md'), 'utf8')
    const crlf = readDiscovery(lf.replace(/\n/g, '\r\n'))
    const {prose: _a, ...expected} = readDiscovery(lf)
    const {prose: _b, ...actual} = crlf
    expect(actual).toEqual(expected)
  })

  it('never throws on odd input', () => {
    for (const value of ['', '\n\n', '## Scope', '# \n## Problem\n', '- a\n- b', '```\n## Problem\n```']) {
      expect(() => readDiscovery(value)).not.toThrow()
    }
    expect(readDiscovery('```\n## Problem\n```').found).toEqual({})
  })

  it('reads a document whose sections are H3s under the title', () => {
    const doc = readDiscovery(
      '# Discovery: Tiny\n\n### Problem\n\nSlow exports.\n\n### Key Decisions\n\n- **Stream rows.** Memory stays flat.\n\n### Open Questions\n\n- Which format first?\n'
    )
    expect(doc.problem).toEqual(['Slow exports.'])
    expect(doc.decisions.map((d) => d.title)).toEqual(['Stream rows'])
    expect(texts(doc.questions)).toEqual(['Which format first?'])
  })

  it('reads open questions written as subsections, and reference files written as a table', () => {
    const doc = readDiscovery(
      '# D\n\n## Open Questions\n\n### Q1. Media hosting\n\nSelf-host or embed?\n\n### Q2. Kids pricing\n\nRESOLVED: no separate tier.\n\n## Reference Files\n\n| File | Why |\n|---|---|\n| `src/a.ts` | entry point |\n| `lib/b/` | helpers |\n'
    )
    expect(doc.questions.map((q) => [q.label, q.resolved])).toEqual([
      ['Media hosting', false],
      ['Kids pricing', true]
    ])
    expect(doc.references.map((r) => [r.path, r.description])).toEqual([
      ['src/a.ts', 'entry point'],
      ['lib/b/', 'helpers']
    ])
  })
})
