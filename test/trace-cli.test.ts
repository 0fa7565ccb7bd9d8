import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {traceSchema} from '../src/analysis/trace-schema.js'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const ids = path.join(root, 'fixtures/trace/ids.md')
const noIds = path.join(root, 'fixtures/trace/nightly-backup.md')

describe('spec-lint trace', () => {
  it('prints each requirement with what serves and checks it, and the chunks that serve none', () => {
    const result = run(['trace', ids])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('R5 Every invitation event is kept in the workspace audit trail\n  served by  (none)\n  checked by (none)')
    expect(result.stdout).toContain('  served by  Invitation model (cites R1)')
    expect(result.stdout).toMatch(/Chunks that serve no requirement:\n\d+:\d+ {2}Project scaffold\n/)
  })

  it('--json prints the matrix as its schema describes it', () => {
    const result = run(['trace', noIds, '--json'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as {file: string}
    expect(json.file).toBe(noIds)
    const parsed = traceSchema.safeParse(json)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.links.every((link) => link.by === 'match' && link.words.length > 0)).toBe(true)
  })

  it('--schema prints a JSON Schema', () => {
    const result = run(['trace', '--schema'])
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout) as {$schema: string; properties: Record<string, unknown>}
    expect(schema.$schema).toContain('2020-12')
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['file', 'requirements', 'chunks', 'criteria', 'links']))
  })

  it('--markdown prints tables with the evidence of each link', () => {
    const result = run(['trace', noIds, '--markdown'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('| Requirement | Chunks | Acceptance criteria |\n|---|---|---|\n')
    expect(result.stdout).toMatch(/\| Backups are encrypted at rest with… \| Backup job \(match 0\.\d\d: kms, encrypted≈encryption\)/)
    expect(result.stdout).toContain('| Chunk | Serves |')
  })

  it('exits 2 with one line on a missing file, a folder or a bad flag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-trace-'))
    try {
      for (const args of [['trace', path.join(dir, 'nope.md')], ['trace', dir], ['trace', ids, '--csv'], ['trace']]) {
        const result = run(args)
        expect(result.code, args.join(' ')).toBe(2)
        expect(result.stdout).toBe('')
        expect(result.stderr.trim().split('\n')).toHaveLength(1)
        expect(result.stderr).toMatch(/^spec-lint: /)
      }
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})
