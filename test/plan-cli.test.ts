import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {statusReportSchema} from '../src/plan/status.js'
import {planDocumentSchema} from '../src/plan/tasks.js'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const builder = 'fixtures/plan/specs/report-builder.md'
const cyclic = 'fixtures/plan/specs/cyclic.md'
const opts = {cwd: root}
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-plan-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('spec-lint plan', () => {
  it('prints a readable listing', () => {
    const result = run(['plan', builder], opts)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('Phase 2: Rendering\n  [ ] C4  PDF renderer (REP-4)  · data  waits for C2\n')
    expect(result.stdout).toContain('Ready: C2\n')
  })

  it('prints tasks as JSON that the exported schema accepts', () => {
    const result = run(['plan', builder, '--json'], opts)
    expect(result.code).toBe(0)
    const doc = planDocumentSchema.parse(JSON.parse(result.stdout))
    expect(doc.file).toBe(builder)
    expect(doc.tasks.map((t) => [t.key, t.blockedBy.length])).toEqual([
      ['C1', 0],
      ['C2', 1],
      ['C3', 0],
      ['C4', 3],
      ['C5', 3],
      ['C6', 2],
      ['C7', 6]
    ])
  })

  it('prints the ready set and the critical path, as lines or JSON', () => {
    expect(run(['plan', '--ready', builder], opts).stdout).toBe('C2\tQuery runner (REP-2)\n')
    expect(run(['plan', '--critical-path', builder], opts).stdout).toBe(
      'C2\tQuery runner (REP-2)\nC4\tPDF renderer (REP-4)\nC6\tScheduler (REP-6)\nC7\tEmail digest (REP-7)\n'
    )
    const ready = JSON.parse(run(['plan', '--ready', '--json', builder], opts).stdout) as Array<{key: string}>
    expect(ready.map((t) => t.key)).toEqual(['C2'])
  })

  it('draws Mermaid and Graphviz', () => {
    const mermaid = run(['plan', '--mermaid', builder], opts)
    expect(mermaid.code).toBe(0)
    expect(mermaid.stdout).toMatch(/^flowchart TD\n {2}subgraph p0\["Phase 1: Foundation"\]\n/)
    const dot = run(['plan', '--dot', builder], opts)
    expect(dot.code).toBe(0)
    expect(dot.stdout).toMatch(/^digraph plan \{\n/)
  })

  it('prints the plan of a cyclic spec but exits 1 with one line', () => {
    const result = run(['plan', cyclic], opts)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Cycle: parser → printer → parser')
    expect(result.stderr).toBe(`spec-lint: ${cyclic}: Unexpected dependency cycle parser → printer → parser, expected an acyclic plan\n`)
    const critical = run(['plan', '--critical-path', cyclic], opts)
    expect(critical.code).toBe(1)
    expect(critical.stdout).toBe('')
    expect(critical.stderr).toBe(`spec-lint: ${cyclic}: Unexpected dependency cycle parser → printer → parser, expected an acyclic plan\n`)
  })

  it('prints its JSON Schema', () => {
    const result = run(['plan', '--schema'], opts)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).properties.tasks.type).toBe('array')
  })

  it.each([
    [[], 'missing spec file'],
    [[builder, builder], 'expected one spec file'],
    [[builder, '--json', '--dot'], 'choose one of `--json`, `--dot`'],
    [[builder, '--ready', '--critical-path'], 'choose one of `--ready`, `--critical-path`'],
    [[builder, '--ready', '--mermaid'], '`--mermaid` draws the whole plan, not `--ready`'],
    [[builder, '--bogus'], 'unknown option `--bogus`']
  ])('rejects bad usage %j with exit 2', (args, reason) => {
    const result = run(['plan', ...args], opts)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(new RegExp(`^spec-lint: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; usage: spec-lint plan `))
  })

  it('fails with one line on a missing file, a folder or binary content', () => {
    const bin = path.join(dir, 'bin.md')
    fs.writeFileSync(bin, Buffer.from([0x23, 0x00, 0x01]))
    for (const [arg, reason] of [
      ['nope.md', 'nope.md: no such file'],
      ['fixtures', 'fixtures: is a folder, expected a Markdown file'],
      [bin, `${bin}: binary content, expected a Markdown spec`]
    ]) {
      const result = run(['plan', arg as string], opts)
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(`spec-lint: ${reason}\n`)
    }
  })

  it('handles a spec without a plan', () => {
    const file = path.join(dir, 'empty.md')
    fs.writeFileSync(file, '# Empty\n')
    const result = run(['plan', file], opts)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('No chunks')
    expect(JSON.parse(run(['plan', '--json', file], opts).stdout).tasks).toEqual([])
  })
})

describe('spec-lint status', () => {
  it('prints one table and exits 1 when a Status disagrees with the checkboxes', () => {
    const result = run(['status', 'fixtures/plan'], opts)
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^Spec\s+Status\s+Phases\s+Chunks\s+Criteria\s+Next\s+Promise$/)
    // The discovery document in specs/discovery/ is not a spec.
    expect(lines.filter((line) => line.startsWith('fixtures/')).map((line) => line.split(/\s+/)[0])).toEqual([
      'fixtures/plan/specs/cyclic.md',
      'fixtures/plan/specs/finished-but-draft.md',
      'fixtures/plan/specs/report-builder.md',
      'fixtures/plan/specs/finished-but-draft.md:9:12'
    ])
    expect(result.stdout).toContain(
      'fixtures/plan/specs/finished-but-draft.md:9:12  Unexpected Status `complete` with 1 chunk and 1 criterion unchecked, expected `in-progress`\n'
    )
  })

  it('exits 0 when every Status agrees, and takes globs', () => {
    const result = run(['status', 'fixtures/clean/*.md', 'fixtures/plan/specs/report-*.md'], opts)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/\nfixtures\/clean\/backend-api\.md\s+in-progress\s+0\/2\s+1\/3\s+0\/6\s+export-endpoints\s+INVOICE_EXPORT_API_COMPLETE\n/)
    expect(result.stdout).toContain('fixtures/plan/specs/report-builder.md')
  })

  it('prints JSON that its schema accepts', () => {
    const result = run(['status', '--json', builder], opts)
    expect(result.code).toBe(0)
    const report = statusReportSchema.parse(JSON.parse(result.stdout))
    expect(report.specs).toHaveLength(1)
    expect(report.specs[0]).toMatchObject({chunks: {done: 2, total: 7}, next: [{key: 'C2', title: 'Query runner'}], mismatch: null})
  })

  it('reports paths without specs', () => {
    const none = run(['status', 'nothing/*.md'], opts)
    expect(none.code).toBe(1)
    expect(none.stderr).toBe('spec-lint: no specs found in `nothing/*.md`, expected a Markdown spec, a folder or a glob\n')
    const noDefault = run(['status'], {cwd: dir})
    expect(noDefault.code).toBe(2)
    expect(noDefault.stderr).toContain('no specs found in `specs/`')
    expect(run(['status', '--bogus'], opts).code).toBe(2)
  })

  it('reads specs/ by default', () => {
    const specs = path.join(dir, 'project/specs')
    fs.mkdirSync(specs, {recursive: true})
    fs.copyFileSync(path.join(root, builder), path.join(specs, 'report-builder.md'))
    const result = run(['status'], {cwd: path.join(dir, 'project')})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(path.join('specs', 'report-builder.md'))
  })

  it('is listed in --help with plan', () => {
    const help = run(['--help'], opts).stdout
    expect(help).toContain('spec-lint plan <file> [--json | --mermaid | --dot] [--ready | --critical-path]')
    expect(help).toContain('spec-lint status [path | glob ...] [--json]')
    expect(help).toContain('discovery-coverage')
  })
})
