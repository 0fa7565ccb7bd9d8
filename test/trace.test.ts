import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {traceOf} from '../src/analysis/trace.js'
import {traceSchema, type Trace} from '../src/analysis/trace-schema.js'
import {significantWords} from '../src/analysis/trace-words.js'
import {parseSpec} from '../src/parse/index.js'
import strict from '../presets/strict.js'
import {lintRun} from './helpers/lint-run.js'

const root = path.resolve(import.meta.dirname, '..')
const fixture = (name: string) => path.join(root, 'fixtures/trace', name)
const corpus = process.env.SPEC_LINT_CORPUS ?? path.resolve(root, '../shared/corpus/specs')

function traceFile(file: string): Trace {
  const value = fs.readFileSync(file, 'utf8')
  return traceOf(parseSpec({value, path: file}).spec, value)
}

function traceText(value: string): Trace {
  return traceOf(parseSpec({value, path: 'specs/example.md'}).spec, value)
}

/** `chunk <requirement #> <chunk title>` / `criterion <requirement #> <criterion #>`, as in the `.links.txt` files. */
function linkLines(trace: Trace): string[] {
  return trace.links.map((link) =>
    link.to === 'chunk' ? `chunk ${link.requirement + 1} ${trace.chunks[link.target]?.title ?? ''}` : `criterion ${link.requirement + 1} ${link.target + 1}`
  )
}

describe('links by id', () => {
  it('are exactly the citations on a spec whose requirements carry ids', () => {
    const trace = traceFile(fixture('ids.md'))
    expect(trace.byId).toBe(true)
    expect(trace.requirements.map((requirement) => requirement.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5'])
    expect(trace.links.map((link) => `${linkLines({...trace, links: [link]})[0]} ${link.by} ${link.ids.join(',')}`)).toEqual([
      'chunk 1 Invitation model id R1',
      'chunk 1 Invite and accept endpoints id R1',
      'chunk 2 Invite and accept endpoints id R2',
      'criterion 2 1 id R2',
      'chunk 3 Invite and accept endpoints id R3',
      'criterion 3 2 id R3',
      'chunk 4 Invitation model id R4',
      'criterion 4 3 id R4'
    ])
  })

  it('reads the id forms specs use: `FR-2`, `(R1, R4)`, ranges, bold and bracketed ids', () => {
    const trace = traceText(
      [
        '# T',
        '',
        '## Requirements',
        '',
        '- FR-1: One',
        '- **FR-2** Two',
        '- [FR-3] Three',
        '- FR-4. Four',
        '',
        '## Execution Plan',
        '',
        '### Phase 1: All',
        '',
        '- [ ] **A** (FR-1, FR-4)',
        '- [ ] **B** covers FR-2 to FR-3',
        '- [ ] **C** FR-10 is not FR-1',
        ''
      ].join('\n')
    )
    expect(trace.requirements.map((requirement) => requirement.id)).toEqual(['FR-1', 'FR-2', 'FR-3', 'FR-4'])
    expect(trace.chunks.map((chunk) => chunk.cites)).toEqual([['FR-1', 'FR-4'], ['FR-2', 'FR-3'], ['FR-1']])
  })

  it('leaves lead-in lines and "none" entries out of the requirements', () => {
    const trace = traceText('# T\n\n## Requirements\n\nWhat must be true when done:\n\n1. **Routes render** on mobile\n\n- None\n')
    expect(trace.requirements.map((requirement) => requirement.label)).toEqual(['Routes render on mobile'])
  })
})

describe('links by match', () => {
  const names = ['password-reset', 'notification-settings', 'nightly-backup']

  /*
   * The `.links.txt` files are the links a person draws, written before the
   * match was first run. Goal (issue 19): recall ≥ 90% and no false link.
   * Measured: 33 of 40 links found (82.5%), 1 false link (precision 97.1%);
   * the misses are synonyms (`length` for "12 characters", `axe` for
   * "screen reader"), which no lexical match sees. This asserts the measured
   * figures so that a change that loses links fails.
   */
  it('finds the links a person draws on the fixtures (figures in the comment above)', () => {
    let found = 0
    let drawn = 0
    let wrong = 0
    for (const name of names) {
      const want = new Set(
        fs
          .readFileSync(fixture(`${name}.links.txt`), 'utf8')
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith('#'))
      )
      const got = new Set(linkLines(traceFile(fixture(`${name}.md`))))
      drawn += want.size
      for (const line of want) if (got.has(line)) found++
      for (const line of got) if (!want.has(line)) wrong++
    }
    const recall = found / drawn
    const precision = found / (found + wrong)
    console.log(
      `trace match: ${found}/${drawn} links found (recall ${(recall * 100).toFixed(1)}%), ${wrong} false (precision ${(precision * 100).toFixed(1)}%)`
    )
    expect(drawn).toBe(40)
    expect(found).toBeGreaterThanOrEqual(33)
    expect(wrong).toBeLessThanOrEqual(1)
  })

  it('shows its evidence on every link', () => {
    for (const name of names) {
      for (const link of traceFile(fixture(`${name}.md`)).links) {
        expect(link.by).toBe('match')
        expect(link.words.length).toBeGreaterThan(0)
        expect(link.score).not.toBeNull()
      }
    }
  })

  it('compares stems, not spellings, and ignores the format’s own words', () => {
    expect(significantWords('Passwords are hashed; users log in nightly').map((word) => word.stem)).toEqual(['password', 'hash', 'user', 'login', 'night'])
    expect(significantWords('Create the chunk outcome following existing patterns')).toEqual([])
  })

  it('is deterministic: the same spec gives the same matrix', () => {
    const value = fs.readFileSync(fixture('password-reset.md'), 'utf8')
    const first = traceOf(parseSpec({value, path: 'a.md'}).spec, value)
    const second = traceOf(parseSpec({value, path: 'a.md'}).spec, value)
    expect(second).toEqual(first)
  })
})

describe('the matrix', () => {
  it('fits its JSON schema', () => {
    for (const name of fs.readdirSync(path.join(root, 'fixtures/trace')).filter((file) => file.endsWith('.md'))) {
      expect(traceSchema.safeParse(traceFile(fixture(name))).success, name).toBe(true)
    }
  })

  it('never throws on odd input', () => {
    for (const value of ['', '# T\n', '## Requirements\n\n- \n', '## Acceptance Criteria\n\n- [ ] R1\n', '- R1 R1–R999999\n']) {
      expect(() => traceText(value)).not.toThrow()
    }
  })
})

describe.runIf(fs.existsSync(corpus))('the trace rules on real specs', () => {
  const traceRules = new Set(['requirement-covered', 'requirement-verified', 'chunk-traced', 'requirements-measurable', 'requirements-duplicate'])
  const read = (file: string) => ({path: file, value: fs.readFileSync(file, 'utf8')})
  const specs = [
    ...fs
      .readdirSync(corpus)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(corpus, name)),
    ...fs
      .readdirSync(path.join(root, 'fixtures/clean'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(root, 'fixtures/clean', name))
  ]

  it('give no message under recommended', async () => {
    const files = await lintRun(specs.map(read))
    expect(files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')).map((m) => `${file.basename}:${m.line} ${m.ruleId}`))).toEqual(
      []
    )
  })

  it('give only warnings under strict, none from `requirements-duplicate` or `requirements-measurable`', async () => {
    const files = await lintRun(specs.map(read), {preset: strict})
    const messages = files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')))
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.filter((m) => m.fatal)).toEqual([])
    expect(messages.filter((m) => m.ruleId === 'requirements-duplicate' || m.ruleId === 'requirements-measurable')).toEqual([])
  })
})
