import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {traceOf} from '../src/analysis/trace.js'
import {traceSchema, type Trace} from '../src/analysis/trace-schema.js'
import {planWords, significantWords, unprefixed} from '../src/analysis/trace-words.js'
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

  it('are exactly the answer key on a second spec with numbered `FR-`/`NFR-` ids, ranges and bracketed citations', () => {
    const trace = traceFile(fixture('ids-forms.md'))
    const want = fs
      .readFileSync(fixture('ids-forms.links.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
    expect(trace.links.every((link) => link.by === 'id')).toBe(true)
    expect(linkLines(trace).sort()).toEqual(want.sort())
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

/** Links found, drawn and false over fixtures with hand-drawn answer keys (`<name>.links.txt`). */
function score(names: readonly string[]): {found: number; drawn: number; wrong: number; misses: string[]; false: string[]} {
  const out = {found: 0, drawn: 0, wrong: 0, misses: [] as string[], false: [] as string[]}
  for (const name of names) {
    const want = new Set(
      fs
        .readFileSync(fixture(`${name}.links.txt`), 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
    )
    const got = new Set(linkLines(traceFile(fixture(`${name}.md`))))
    out.drawn += want.size
    for (const line of want)
      if (got.has(line)) out.found++
      else out.misses.push(`${name}: ${line}`)
    for (const line of got) if (!want.has(line)) out.false.push(`${name}: ${line}`)
    out.wrong = out.false.length
  }
  return out
}

function report(label: string, figures: ReturnType<typeof score>): string {
  const recall = figures.found / figures.drawn
  const precision = figures.found / (figures.found + figures.wrong)
  return `trace match, ${label}: ${figures.found}/${figures.drawn} links found (recall ${(recall * 100).toFixed(1)}%), ${figures.wrong} false (precision ${(precision * 100).toFixed(1)}%)`
}

describe('links by match', () => {
  /*
   * The `.links.txt` files are the links a person draws, each written before
   * the match was run on its spec. Goal (issue 19): recall ≥ 90% and no false
   * link. Three sets, measured with this matcher:
   *
   * - first: the fixtures of the first round (the matcher was tuned on them
   *   twice): 38 of 40 links, 2 false.
   * - second: four specs written for the second round, keys drawn before
   *   the match was run on them, then used while improving the matcher:
   *   48 of 50, 1 false.
   * - held out: two specs written once the matcher was done, run once:
   *   20 of 25, no false link; 21 of 25 after months and years became units
   *   (the one change made after seeing them).
   * - fresh: one spec (garden plots) written for issue 19's last round, its
   *   key committed before the match ran on it, run once, not tuned on:
   *   12 of 15, 2 false (`accept` and `offer` shared with the requirement
   *   the chunk's pricing step only displays; "a member with two plots
   *   cannot accept a third" goes to the rent requirement's `accepts`).
   *
   * The false links share words that are really there (`Include the link
   * expiry time in the message` for "Reset links expire after 30 minutes");
   * the misses are synonyms no word list holds (`axe` for "screen reader",
   * `cap`/`allowance` for "at most 5"). The assertions pin the figures, so a
   * change that loses links or adds false ones fails.
   */
  const sets = {
    first: ['password-reset', 'notification-settings', 'nightly-backup'],
    second: ['invoice-export', 'recipe-search', 'ticket-triage', 'field-inspections'],
    'held out': ['held-out/library-holds', 'held-out/expense-receipts'],
    fresh: ['held-out/garden-plots']
  }

  it('finds the links a person draws on the fixtures (figures in the comment above)', () => {
    const first = score(sets.first)
    const second = score(sets.second)
    const heldOut = score(sets['held out'])
    const fresh = score(sets.fresh)
    const all = score(Object.values(sets).flat())
    for (const [label, figures] of [
      ['first set', first],
      ['second set', second],
      ['held-out set', heldOut],
      ['fresh held-out spec', fresh],
      ['all', all]
    ] as const) {
      console.log(report(label, figures))
    }
    expect([first.drawn, second.drawn, heldOut.drawn, fresh.drawn]).toEqual([40, 50, 25, 15])
    expect(first.found).toBeGreaterThanOrEqual(38)
    expect(first.wrong).toBeLessThanOrEqual(2)
    expect(second.found).toBeGreaterThanOrEqual(48)
    expect(second.wrong).toBeLessThanOrEqual(1)
    expect(heldOut.found).toBeGreaterThanOrEqual(21)
    expect(heldOut.false).toEqual([])
    // Run once, after its key was committed, and not tuned on: 12 of 15, 2 false.
    expect(fresh.found).toBeGreaterThanOrEqual(12)
    expect(fresh.wrong).toBeLessThanOrEqual(2)
  })

  it('shows its evidence on every link', () => {
    for (const name of Object.values(sets).flat()) {
      for (const link of traceFile(fixture(`${name}.md`)).links) {
        expect(link.by).toBe('match')
        expect(link.words.length).toBeGreaterThan(0)
        expect(link.score).not.toBeNull()
      }
    }
  })

  it('compares stems, not spellings, and ignores the format’s own words', () => {
    expect(significantWords('Passwords are hashed; users log in nightly').map((word) => word.stem)).toEqual(['password', 'hash', 'login', 'night'])
    expect(planWords('Create the chunk outcome following existing patterns')).toEqual([])
    expect(significantWords('POST /drafts creates a draft').map((word) => word.stem)).toContain('creat')
  })

  it('compares what the stemmer misses: irregular forms, synonyms, phrases, numbers with units', () => {
    const stems = (text: string) => significantWords(text).map((word) => word.stem)
    expect(stems('shown')).toEqual(stems('shows'))
    expect(stems('photos')).toEqual(stems('images'))
    expect(stems('single-use')).toEqual(stems('cannot be reused'))
    expect(stems('within 1 minute')).toContain(stems('in 60 seconds')[0])
    expect(stems('a 24-hour expiry')).toContain(stems('for one day')[0])
    expect(stems('two decimal places')).toEqual(stems('2 decimal places'))
    expect(stems('429')).toEqual(stems('rate limited'))
    expect(stems('£10 day pass')).not.toContain('864000s')
    expect(stems('see http://localhost:3000/settings/notifications')).toEqual(['see'])
    expect(unprefixed('misrouted')).toBe(stems('routed')[0])
    expect(unprefixed('restore')).toBeNull()
  })

  it('links a criterion to the requirement it is the best check of, not to one better checked elsewhere', () => {
    const trace = traceText(
      [
        '# T',
        '',
        '## Requirements',
        '',
        '- Members can request a parcel collection by email',
        '- Collection requests are limited to 2 per day per email address',
        "- Couriers see the day's route on a map",
        '- Parcels are weighed at the depot',
        '',
        '## Acceptance Criteria',
        '',
        '- [ ] Requesting a parcel collection sends one email to the address on file',
        '- [ ] A third collection request from one email address on the same day is refused',
        ''
      ].join('\n')
    )
    // The first criterion shares more with the second requirement, whose own check is the second criterion.
    expect(linkLines(trace)).toEqual(['criterion 1 1', 'criterion 2 2'])
  })

  it('matches a criterion against its own spec’s requirements when another spec had the same criterion', () => {
    const spec = (requirements: string[]) =>
      [
        '# T',
        '',
        '## Requirements',
        '',
        ...requirements,
        '',
        '## Acceptance Criteria',
        '',
        '- [ ] Recipe photos below the fold load only once scrolled into view',
        ''
      ].join('\n')
    const photos = '- Recipe photos load only when they come into view'
    const search = '- Search finds recipes by one of their ingredients'
    expect(linkLines(traceText(spec([photos, search])))).toEqual(['criterion 1 1'])
    expect(linkLines(traceText(spec([search, photos])))).toEqual(['criterion 2 1'])
  })

  it('does not pair a requirement with a criterion that shares only its subject', () => {
    const trace = traceText(
      [
        '# T',
        '',
        '## Requirements',
        '',
        '- Session cookies expire after 2 hours',
        '- Admins can list active sessions',
        '',
        '## Acceptance Criteria',
        '',
        '- [ ] A session cookie works on every page',
        '- [ ] The admin page lists the active sessions',
        ''
      ].join('\n')
    )
    expect(linkLines(trace)).toEqual(['criterion 2 2'])
  })

  it('splits a chunk into the things it does: each sub-task links to its own requirement', () => {
    const trace = traceText(
      [
        '# T',
        '',
        '## Requirements',
        '',
        '- Uploaded avatars are cropped to a square of 256 pixels and stored as WebP next to the original file',
        '- Display names are unique across the workspace, ignoring case, accents and spaces at either end',
        '- Profile changes are written to the activity feed with the editor, the old and new values and the time',
        '',
        '## Execution Plan',
        '',
        '### Phase 1: Profile',
        '',
        '- [ ] **Profile endpoint**',
        '',
        '  Outcome: People edit their profile.',
        '',
        '  - Crop avatars to a square',
        '  - Reject a display name already taken in the workspace',
        '  - Post each change to the activity feed',
        ''
      ].join('\n')
    )
    // Each sub-task carries too little of its requirement for the whole chunk to be linked to it.
    expect(linkLines(trace)).toEqual(['chunk 1 Profile endpoint', 'chunk 2 Profile endpoint', 'chunk 3 Profile endpoint'])
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

describe('the trace rules on the clean fixtures under strict', () => {
  /*
   * Each message judged by hand (issue 19): every one is right. The
   * requirement has no criterion (drafted replies, "Closed today", client
   * validation, keyboard use, the agent writing only through the API), or
   * the criterion checks only part of it (an export can be created, but not
   * its date range, format and job id), or no chunk names the work (the
   * 5-minute export target, keyboard and accessibility checks).
   */
  it('are exactly the judged warnings', async () => {
    const traceRules = new Set(['requirement-covered', 'requirement-verified', 'chunk-traced', 'requirements-measurable', 'requirements-duplicate'])
    const dir = path.join(root, 'fixtures/clean')
    const files = await lintRun(
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => ({path: path.join(dir, name), value: fs.readFileSync(path.join(dir, name), 'utf8')})),
      {preset: strict}
    )
    const messages = files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')).map((m) => `${file.basename}:${m.line} ${m.ruleId}`))
    expect(messages.sort()).toEqual(
      [
        'agent-by-content.md:27 requirement-verified',
        'backend-api.md:29 requirement-verified',
        'backend-api.md:32 requirement-covered',
        'explicit-none.md:28 requirement-verified',
        'frontend.md:31 requirement-verified',
        'frontend.md:33 requirement-covered',
        'frontend.md:33 requirement-verified',
        'hybrid.md:33 requirement-verified'
      ].sort()
    )
  })
})

describe.runIf(fs.existsSync(corpus))('the trace rules on real specs', () => {
  const traceRules = new Set(['requirement-covered', 'requirement-verified', 'chunk-traced', 'requirements-measurable', 'requirements-duplicate'])
  const read = (file: string) => ({path: file, value: fs.readFileSync(file, 'utf8')})
  const specs = () => [
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
    const files = await lintRun(specs().map(read))
    expect(files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')).map((m) => `${file.basename}:${m.line} ${m.ruleId}`))).toEqual(
      []
    )
  })

  it('give only warnings under strict, none from `requirements-duplicate` or `requirements-measurable`', async () => {
    const files = await lintRun(specs().map(read), {preset: strict})
    const messages = files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')))
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.filter((m) => m.fatal)).toEqual([])
    expect(messages.filter((m) => m.ruleId === 'requirements-duplicate' || m.ruleId === 'requirements-measurable')).toEqual([])
  })

  /*
   * Judged by hand (issue 19): the JWT example's three warnings are right (no
   * criterion checks either expiry or the hashing), "Refresh tokens are
   * single-use" is checked by "Used refresh token cannot be reused", and the
   * gym site's chunks and requirements are all linked.
   */
  it('give only the judged warnings on the JWT example and the gym site', async () => {
    const files = await lintRun(
      ['template-v3-example-jwt-auth.md', 'fight-hub-gym-website.md'].map((name) => read(path.join(corpus, name))),
      {preset: strict}
    )
    const messages = files.flatMap((file) => file.messages.filter((m) => traceRules.has(m.ruleId ?? '')).map((m) => `${file.basename}:${m.line} ${m.ruleId}`))
    expect(messages).toEqual([
      'template-v3-example-jwt-auth.md:31 requirement-verified',
      'template-v3-example-jwt-auth.md:32 requirement-verified',
      'template-v3-example-jwt-auth.md:34 requirement-verified'
    ])
    const value = fs.readFileSync(path.join(corpus, 'template-v3-example-jwt-auth.md'), 'utf8')
    const trace = traceText(value)
    const expiry = trace.requirements.findIndex((requirement) => requirement.text.startsWith('Access tokens expire'))
    expect(trace.links.filter((link) => link.to === 'criterion' && link.requirement === expiry)).toEqual([])
  })
})
