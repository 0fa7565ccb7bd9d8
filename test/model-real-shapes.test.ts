import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildSpec} from '../src/model/build.js'
import {specSchema} from '../src/model/schema.js'
import {specProcessor} from '../src/parse/processor.js'
import {planDocument} from '../src/plan/tasks.js'

/* How real specs write the format, read into the model as the author meant it. */

function model(value: string) {
  const processor = specProcessor()
  const spec = buildSpec(processor.runSync(processor.parse(value)), value)
  specSchema.parse(spec)
  return spec
}

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/clean', name), 'utf8')
const plan = (body: string) => `# T\n\n## Execution Plan\n\n${body}`

describe('chunks as real specs write them', () => {
  it('keeps the whole item: no cut at `;` or a line break', () => {
    const spec = model(
      plan('### Phase 1 — Shell\n\n- **C1.1** `Header` (logo + nav: Home, Menu,\n  About; one client toggle) and `Footer` (address, socials).\n')
    )
    expect(spec.chunks.map((c) => c.title)).toEqual(['`Header` (logo + nav: Home, Menu, About; one client toggle) and `Footer` (address, socials)'])
    expect(spec.chunks[0]?.text).toBe('`Header` (logo + nav: Home, Menu, About; one client toggle) and `Footer` (address, socials).')
  })

  it('does not take plain to-do bullets for chunks', () => {
    const spec = model(plan('### Phase 1 — Build\n\n- **C1.1** The app\n\n### Phase 2 — Launch\n\n- Client moves the domain.\n- Client adds billing.\n'))
    expect(spec.chunks.map((c) => c.key)).toEqual(['C1.1'])
    expect(spec.plan?.phases[1]?.bullets.map((b) => b.text)).toEqual(['Client moves the domain.', 'Client adds billing.'])
  })

  it('merges a Depends On written in the row and again on the detail line', () => {
    const spec = model(fixture('field-variants.md'))
    const c3 = spec.chunks.find((c) => c.key === 'C3')
    expect(c3?.dependsOn.map((d) => d.target)).toEqual(['C1', 'C2'])
    const doc = planDocument(spec, 'x.md')
    const blocked = doc.tasks.find((t) => t.key === 'C3')?.blockedBy ?? []
    expect(new Set(blocked).size).toBe(blocked.length)
  })

  it('reads field lines as written: `Stream: x · Skills: y`, continued outcomes, `Skills (load):`', () => {
    const spec = model(fixture('field-variants.md'))
    const c1 = spec.chunks.find((c) => c.key === 'C1')
    expect(c1?.stream).toBe('sender')
    expect(c1?.skills).toEqual(['backend-api'])
    expect(c1?.outcome).toBe('A reminder row is written for each new booking; moving a booking moves its reminder.')
    expect(spec.skills.map((s) => s.name)).toEqual(['backend-api', 'messaging'])
    expect(spec.requirements.map((r) => r.id)).toEqual(['R1', 'R2', 'R3'])
    expect(spec.plan?.phases[0]?.bullets).toHaveLength(1)
  })

  it('records an explicit none and reads no entry from it', () => {
    const spec = model(fixture('explicit-none.md'))
    expect(spec.statedNone).toEqual(['Skills', 'Reference Files'])
    expect(spec.skills).toEqual([])
    expect(spec.referenceFiles.flatMap((g) => g.entries)).toEqual([])
    // The lead-in sentence is not a requirement.
    expect(spec.requirements).toHaveLength(3)
  })

  it('splits Owns into paths, keeping a brace glob whole and prose apart', () => {
    const spec = model(
      plan(
        '### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| web | Site | src/{api,models}/*.py, `app/` config, PWA/manifest; `Next Gen/app/` | frontend |\n'
      )
    )
    const stream = spec.plan?.workStreams?.streams[0]
    expect(stream?.owns.map((o) => o.pattern)).toEqual(['src/{api,models}/*.py', 'app/', 'Next Gen/app/'])
    expect(stream?.ownsProse.map((o) => o.pattern)).toEqual(['`app/` config', 'PWA/manifest'])
  })
})
