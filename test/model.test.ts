import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildSpec} from '../src/model/build.js'
import {specJsonSchema, specSchema} from '../src/model/schema.js'
import {specProcessor} from '../src/parse/processor.js'

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus/specs')
const hasCorpus = fs.existsSync(corpus)

function model(value: string) {
  return buildSpec(specProcessor().parse(value), value)
}

describe('model', () => {
  it('extracts every part of a clean spec, with positions', () => {
    const value = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/clean/backend-api.md'), 'utf8')
    const spec = model(value)
    expect(specSchema.parse(spec)).toEqual(spec)
    expect(spec.title?.text).toBe('Invoice Export API')
    expect(spec.meta).toMatchObject({form: 'table', type: 'backend-api', repo: 'billing-service', status: 'in-progress', created: '2026-03-04'})
    expect(spec.plan?.workStreams?.streams.map((s) => [s.name, s.owns.map((o) => o.pattern)])).toEqual([
      ['jobs', ['src/models/export_job.py', 'src/worker/exports/']],
      ['api', ['src/api/exports/']]
    ])
    expect(spec.chunks.map((c) => [c.key, c.issueId, c.phase, c.stream, c.checked])).toEqual([
      ['export-job-model', 'BIL-201', 1, 'jobs', true],
      ['export-endpoints', 'BIL-202', 1, 'api', false],
      ['export-worker', 'BIL-203', 2, 'jobs', false]
    ])
    const owns = spec.plan?.workStreams?.streams[0]?.owns[1]
    expect(owns && value.slice(owns.position.start.offset, owns.position.end.offset)).toBe('src/worker/exports/')
    const status = spec.meta?.rows.find((r) => r.field === 'Status')
    expect(status && value.slice(status.valuePosition.start.offset, status.valuePosition.end.offset)).toBe('in-progress')
    expect(spec.acceptance?.criteria.length).toBe(6)
    expect(spec.promise?.value).toBe('INVOICE_EXPORT_API_COMPLETE')
  })

  it('resolves Depends On by title, id, slug and phase, keeping titles with separators whole', () => {
    const spec = model(
      [
        '# T',
        '',
        '## Execution Plan',
        '',
        '### Phase 1: A',
        '',
        '| Chunk | Stream | Outcome | Depends On |',
        '|---|---|---|---|',
        '| User model + token model | s | o | — |',
        '| C2 Auth utilities | s | o | None |',
        '',
        '### Phase 2: B',
        '',
        '| Chunk | Stream | Outcome | Depends On |',
        '|---|---|---|---|',
        '| Endpoints | s | o | Phase 1 + auth-utilities and User model + token model |',
        '| Other | s | o | C2, Nothing here |'
      ].join('\n')
    )
    const [, , endpoints, other] = spec.chunks
    expect(endpoints?.dependsOn.map((d) => [d.kind, d.phase, d.target, d.text])).toEqual([
      ['phase', 1, null, 'Phase 1'],
      ['chunk', 1, 'C2', 'auth-utilities'],
      ['chunk', 1, 'user-model-and-token-model', 'User model + token model']
    ])
    expect(other?.dependsOn.map((d) => [d.kind, d.target])).toEqual([
      ['chunk', 'C2'],
      ['unknown', null]
    ])
  })

  it('never throws on odd input', () => {
    for (const value of ['', '\n', '# ', '## Meta\n\n|a|\n|-|\n', '## Execution Plan\n\n### Phase x\n\n- [ ]\n', '- **\n']) {
      expect(() => specSchema.parse(model(value))).not.toThrow()
    }
  })

  it('exports a JSON Schema', () => {
    const schema = specJsonSchema()
    expect(schema).toHaveProperty('properties.chunks')
    expect(schema).toHaveProperty('properties.meta')
  })
})

describe.runIf(hasCorpus)('model over ../shared/corpus', () => {
  it('pins the canonical JWT example', () => {
    const spec = model(fs.readFileSync(path.join(corpus, 'template-v3-example-jwt-auth.md'), 'utf8'))
    expect(spec.title?.text).toBe('JWT Authentication System')
    expect([spec.meta?.type, spec.meta?.repo, spec.meta?.status, spec.meta?.created]).toEqual([
      'backend-api',
      'ns-content-workforce-api',
      'in-progress',
      '2026-01-22'
    ])
    expect(spec.plan?.workStreams?.streams.map((s) => [s.name, s.owns.map((o) => o.pattern)])).toEqual([
      ['data', ['src/models/', 'src/auth/utils.py']],
      ['api', ['src/api/auth/', 'src/middleware/']]
    ])
    expect(spec.plan?.phases.map((p) => [p.number, p.name, p.qualifiers])).toEqual([
      [1, 'Foundation', ['parallel']],
      [2, 'Endpoints', ['parallel', 'blocked by Phase 1']],
      [3, 'Protection', ['blocked by Phase 2']]
    ])
    expect(spec.chunks.map((c) => [c.title, c.issueId, c.stream, c.checked, c.dependsOn.map((d) => `${d.kind}:${d.phase}`)])).toEqual([
      ['User model + token model', 'NS-101', 'data', true, ['none:null']],
      ['Auth utilities', 'NS-104', 'data', true, ['none:null']],
      ['Login and register endpoints', 'NS-102', 'api', false, ['phase:1']],
      ['Token refresh endpoint', 'NS-105', 'api', false, ['phase:1']],
      ['Auth middleware and rate limiting', 'NS-103', 'api', false, ['phase:2']]
    ])
    expect(spec.chunks.map((c) => c.row?.title)).toEqual([
      'User model + token model',
      'Auth utilities',
      'Login and register',
      'Token refresh',
      'Auth middleware + rate limiting'
    ])
    expect(spec.plan?.communication?.rows.map((r) => [r.from, r.to, r.when, r.what])).toEqual([
      ['data', 'api', 'After Phase 1', 'Model schemas, utility function signatures']
    ])
    expect(spec.acceptance?.criteria.length).toBe(8)
    expect(spec.acceptance?.criteria.flatMap((c) => c.commands)).toEqual(['pytest tests/auth/', 'ruff check src/'])
    expect(spec.promise?.value).toBe('AUTH_SYSTEM_COMPLETE')
  })

  it.each(fs.existsSync(corpus) ? fs.readdirSync(corpus) : [])('parses %s into a valid model', (name) => {
    const spec = model(fs.readFileSync(path.join(corpus, name), 'utf8'))
    expect(specSchema.safeParse(spec).success).toBe(true)
  })

  it('reads the real variants of the Fight Hub spec', () => {
    const spec = model(fs.readFileSync(path.join(corpus, 'fight-hub-gym-website.md'), 'utf8'))
    expect(spec.meta?.form).toBe('list')
    expect(spec.meta?.status).toBe('draft')
    expect(spec.plan?.phases.map((p) => p.number)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(spec.chunks[0]).toMatchObject({key: 'C0.1', id: 'C0.1'})
    expect(spec.promise).toMatchObject({form: 'code', value: 'NEXTGEN_FIGHTHUB_SITE_SPEC_COMPLETE'})
  })
})
