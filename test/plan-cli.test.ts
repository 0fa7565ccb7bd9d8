import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {loadCommand} from '../src/cli/commands.js'
import {firstLine} from '../src/engine/errors.js'
import {statusReportSchema} from '../src/plan/status.js'
import {planDocumentSchema} from '../src/plan/tasks.js'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const builder = 'fixtures/plan/specs/report-builder.md'
const cyclic = 'fixtures/plan/specs/cyclic.md'
const opts = {cwd: root}
let dir: string

/**
 * Run the CLI in this process (the command code is what is under test, and
 * spawning a process per case is slow); errors end the way bin.ts ends them.
 * A few cases below spawn the real binary.
 */
async function runIn(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  let code: number
  try {
    const command = await loadCommand(args[0] as string)
    if (!command) throw new Error(`no command ${args[0]}`)
    code = await command.run(args.slice(1))
  } catch (error) {
    stderr += `spec-lint: ${firstLine(error instanceof Error ? error.message : String(error))}\n`
    code = 1
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
  return {code, stdout, stderr}
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-plan-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('spec-lint plan', () => {
  it('prints a readable listing', async () => {
    const result = run(['plan', builder], opts)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('Phase 2: Rendering\n  [ ] C4  PDF renderer (REP-4)  · data  waits for C2\n')
    expect(result.stdout).toContain('Ready: C2\n')
  })

  it('prints tasks as JSON that the exported schema accepts', async () => {
    const result = await runIn(['plan', builder, '--json'])
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

  it('prints the ready set and the critical path, as lines or JSON', async () => {
    expect((await runIn(['plan', '--ready', builder])).stdout).toBe('C2\tQuery runner (REP-2)\n')
    expect((await runIn(['plan', '--critical-path', builder])).stdout).toBe(
      'C2\tQuery runner (REP-2)\nC4\tPDF renderer (REP-4)\nC6\tScheduler (REP-6)\nC7\tEmail digest (REP-7)\n'
    )
    const ready = JSON.parse((await runIn(['plan', '--ready', '--json', builder])).stdout) as Array<{key: string}>
    expect(ready.map((t) => t.key)).toEqual(['C2'])
  })

  it('draws Mermaid and Graphviz', async () => {
    const mermaid = await runIn(['plan', '--mermaid', builder])
    expect(mermaid.code).toBe(0)
    expect(mermaid.stdout).toMatch(/^flowchart TD\n {2}subgraph p0\["Phase 1: Foundation"\]\n/)
    const dot = await runIn(['plan', '--dot', builder])
    expect(dot.code).toBe(0)
    expect(dot.stdout).toMatch(/^digraph plan \{\n/)
  })

  it('prints the plan of a cyclic spec but exits 1 with one line', async () => {
    const result = run(['plan', cyclic], opts)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Cycle: parser → printer → parser')
    expect(result.stderr).toBe(`spec-lint: ${cyclic}: Unexpected dependency cycle parser → printer → parser, expected an acyclic plan\n`)
    const critical = run(['plan', '--critical-path', cyclic], opts)
    expect(critical.code).toBe(1)
    expect(critical.stdout).toBe('')
    expect(critical.stderr).toBe(`spec-lint: ${cyclic}: Unexpected dependency cycle parser → printer → parser, expected an acyclic plan\n`)
  })

  it('prints its JSON Schema', async () => {
    const result = await runIn(['plan', '--schema'])
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
  ])('rejects bad usage %j with exit 2', async (args, reason) => {
    const result = await runIn(['plan', ...args])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(new RegExp(`^spec-lint: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; usage: spec-lint plan `))
  })

  it('fails with one line on a missing file, a folder or binary content', async () => {
    const bin = path.join(dir, 'bin.md')
    fs.writeFileSync(bin, Buffer.from([0x23, 0x00, 0x01]))
    for (const [arg, reason] of [
      ['nope.md', 'nope.md: no such file'],
      ['fixtures', 'fixtures: is a folder, expected a Markdown file'],
      [bin, `${bin}: binary content, expected a Markdown spec`]
    ]) {
      const result = await runIn(['plan', arg as string])
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(`spec-lint: ${reason}\n`)
    }
  })

  it('handles a spec without a plan', async () => {
    const file = path.join(dir, 'empty.md')
    fs.writeFileSync(file, '# Empty\n')
    const result = await runIn(['plan', file])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('No chunks')
    expect(JSON.parse((await runIn(['plan', '--json', file])).stdout).tasks).toEqual([])
  })
})

describe('spec-lint status', () => {
  it('prints one table and exits 1 when a Status disagrees with the checkboxes', async () => {
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

  it('exits 0 when every Status agrees, and takes globs', async () => {
    const result = await runIn(['status', 'fixtures/clean/*.md', 'fixtures/plan/specs/report-*.md'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/\nfixtures\/clean\/backend-api\.md\s+in-progress\s+0\/2\s+1\/3\s+0\/6\s+export-endpoints\s+INVOICE_EXPORT_API_COMPLETE\n/)
    expect(result.stdout).toContain('fixtures/plan/specs/report-builder.md')
  })

  it('prints JSON that its schema accepts', async () => {
    const result = await runIn(['status', '--json', builder])
    expect(result.code).toBe(0)
    const report = statusReportSchema.parse(JSON.parse(result.stdout))
    expect(report.specs).toHaveLength(1)
    expect(report.specs[0]).toMatchObject({chunks: {done: 2, total: 7}, next: [{key: 'C2', title: 'Query runner'}], mismatch: null})
  })

  it('reports paths without specs', async () => {
    const none = await runIn(['status', 'nothing/*.md'])
    expect(none.code).toBe(1)
    expect(none.stderr).toBe('spec-lint: no specs found in `nothing/*.md`, expected a Markdown spec, a folder or a glob\n')
    const noDefault = run(['status'], {cwd: dir})
    expect(noDefault.code).toBe(2)
    expect(noDefault.stderr).toContain('no specs found in `specs/`')
    expect((await runIn(['status', '--bogus'])).code).toBe(2)
  })

  it('reads specs/ by default', async () => {
    const specs = path.join(dir, 'project/specs')
    fs.mkdirSync(specs, {recursive: true})
    fs.copyFileSync(path.join(root, builder), path.join(specs, 'report-builder.md'))
    const result = run(['status'], {cwd: path.join(dir, 'project')})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(path.join('specs', 'report-builder.md'))
  })

  it('is listed in --help with plan', async () => {
    const help = run(['--help'], opts).stdout
    expect(help).toContain('spec-lint plan <file> [--json | --mermaid | --dot | --linear] [--ready | --critical-path]')
    expect(help).toContain('spec-lint status [path | glob ...] [--json]')
    expect(help).toContain('discovery-coverage')
  })
})
