import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import discoveryCoverage from '../rules/discovery-coverage.js'
import strict from '../presets/strict.js'
import recommended from '../presets/recommended.js'
import {buildSpec} from '../src/model/build.js'
import remarkSpec from '../src/model/plugin.js'
import {covers, isPathLike, keyTerms, locateDiscovery, readDiscovery, samePath, stem, stemsOf} from '../src/discovery/index.js'
import {lint} from '../src/engine/lint.js'
import {specProcessor} from '../src/parse/processor.js'
import {formatMessage} from './helpers/lint.js'

const root = path.resolve(import.meta.dirname, '..')
// `../shared/corpus` beside the repository; SPEC_LINT_CORPUS points elsewhere (a worktree checkout).
const corpus = process.env.SPEC_LINT_CORPUS ?? path.resolve(root, '../shared/corpus')

/** Out-of-scope then deferred items, each with its kind. */
function scopeOut(discovery: ReturnType<typeof readDiscovery>) {
  return [...discovery.scope.out.map((item) => ({...item, kind: 'out'})), ...discovery.scope.deferred.map((item) => ({...item, kind: 'deferred'}))]
}

function model(value: string) {
  return buildSpec(specProcessor().parse(value), value)
}

/** Lint with only discovery-coverage, as the engine would: a path, a working folder, settings. */
async function lintCoverage(value: string, filePath: string, settings: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
  const {VFile} = await import('vfile')
  const file = new VFile({value, path: filePath, cwd: root})
  const processor = specProcessor()
    .data('settings', settings)
    .use({plugins: [remarkGfm, remarkSpec, [discoveryCoverage, ['warn', options]]]})
  await processor.run(processor.parse(file), file)
  return file.messages.map(formatMessage)
}

describe('discovery reader', () => {
  it('reads Scope subsections, bold labels, references and open questions', () => {
    const discovery = readDiscovery(fs.readFileSync(path.join(root, 'fixtures/plan/specs/discovery/report-builder.md'), 'utf8'))
    expect(discovery.title).toBe('Report builder')
    expect(discovery.scope.in.map((i) => [i.label, i.line])).toEqual([
      ['Saved queries with schedules', 10],
      ['PDF rendering of reports', 11],
      ['Weekly email digest', 12],
      ['Sharing reports with external clients', 13]
    ])
    expect(scopeOut(discovery).map((i) => [i.kind, i.label])).toEqual([
      ['out', 'Editing saved queries from mobile (web only)'],
      ['deferred', 'Slack notifications for new reports']
    ])
    expect(discovery.references.map((r) => [r.path, r.description, r.line])).toEqual([
      ['src/queries/runner.py', 'How queries run today', 24],
      ['src/mail/send.py', 'Mail helper', 25],
      ['src/auth/roles.py', 'Analyst role check', 26]
    ])
    expect(discovery.questions.map((q) => [q.label, q.resolved])).toEqual([
      ['Read replica lag', false],
      ['PDF page size', false],
      ['Which cron library', true]
    ])
  })

  it('skips code blocks and lists outside the known sections', () => {
    const discovery = readDiscovery(
      '# D\n\n## Context\n\n- `src/x.ts` here\n\n```md\n## Open Questions\n\n1. Not real\n```\n\n## Open Questions\n\n- [x] Done one\n- Real one?\n'
    )
    expect(discovery.references).toEqual([])
    expect(discovery.questions.map((q) => [q.label, q.resolved])).toEqual([
      ['Done one', true],
      ['Real one?', false]
    ])
  })

  it('tells paths from commands and symbols', () => {
    for (const value of ['src/a.ts', 'lib/billing/', '../The Pad Guy/GO-LIVE.md', 'README.md', '/Users/me/x/SKILL.md', 'refs/*.md']) {
      expect(isPathLike(value), value).toBe(true)
    }
    for (const value of ['/teammate-spawn', 'TeamCreate', 'npm run build', 'safeSendEmail(to, content)', '--flag', 'sips']) {
      expect(isPathLike(value), value).toBe(false)
    }
  })

  it('matches key terms across word forms, not across negations in requirements', () => {
    expect(stem('queries')).toBe(stem('query'))
    expect(stem('saved')).toBe(stem('save'))
    expect(stem('schedules')).toBe(stem('schedule'))
    expect(stem('rendering')).toBe(stem('renders'))
    expect(keyTerms('Saved queries with schedules (daily)')).toEqual(['sav', 'query', 'schedu'])
    expect(covers(keyTerms('PDF rendering of reports'), stemsOf('A query renders to a PDF'))).toBe(true)
    expect(covers(keyTerms('Sharing reports with external clients'), stemsOf('A query renders to a PDF report'))).toBe(false)
    expect(samePath('./src/a/', 'src/a')).toBe(true)
    expect(samePath('../Pad/lib/email/send.ts', 'lib/email/send.ts')).toBe(true)
    expect(samePath('src/a.ts', 'src/b.ts')).toBe(false)
  })
})

describe('locating the discovery document', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-discovery-'))
    fs.mkdirSync(path.join(dir, 'specs/discovery'), {recursive: true})
    fs.mkdirSync(path.join(dir, 'specs/2026-01-01-auth'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'specs/discovery/billing.md'), '# Discovery: billing\n')
    fs.writeFileSync(path.join(dir, 'specs/2026-01-01-auth/discovery.md'), '# Discovery: auth\n')
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Discovery: notes\n')
  })
  afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

  const found = (lookup: ReturnType<typeof locateDiscovery>) => ('found' in lookup ? lookup.found.name : lookup)
  const plain = model('# Spec\n')
  const withMeta = (value: string) => model(`# Spec\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Discovery | ${value} |\n`)

  it('finds specs/discovery/<name>.md and discovery.md beside the spec', () => {
    expect(found(locateDiscovery(plain, 'specs/billing.md', dir, undefined))).toBe(path.join('specs', 'discovery', 'billing.md'))
    expect(found(locateDiscovery(plain, 'specs/2026-01-01-auth/spec.md', dir, undefined))).toBe(path.join('specs', '2026-01-01-auth', 'discovery.md'))
    expect(locateDiscovery(plain, 'specs/other.md', dir, undefined)).toEqual({none: true})
    // A discovery document is not its own discovery.
    expect(locateDiscovery(plain, 'specs/2026-01-01-auth/discovery.md', dir, undefined)).toEqual({none: true})
  })

  it('prefers the setting, then the Meta row, and reports what they name when it is missing', () => {
    expect(found(locateDiscovery(plain, 'specs/billing.md', dir, 'notes.md'))).toBe('notes.md')
    expect(found(locateDiscovery(withMeta('`../notes.md`'), 'specs/billing.md', dir, undefined))).toBe('notes.md')
    expect(found(locateDiscovery(withMeta('[notes](../notes.md)'), 'specs/billing.md', dir, undefined))).toBe('notes.md')
    expect(locateDiscovery(withMeta('`./gone.md`'), 'specs/billing.md', dir, undefined)).toEqual({missing: {path: './gone.md', from: 'meta'}})
    expect(locateDiscovery(plain, 'specs/billing.md', dir, 'gone.md')).toEqual({missing: {path: 'gone.md', from: 'setting'}})
    expect(locateDiscovery(withMeta('—'), 'specs/other.md', dir, undefined)).toEqual({none: true})
  })
})

describe('discovery-coverage', () => {
  it('reports a discovery document the input limits refuse, in one message, and checks nothing else', async () => {
    const messages = await lintCoverage('# Spec\n', 'specs/x.md', {}, {discovery: '# D\n\n## Open Questions\n\n- A\u0000?\n'})
    expect(messages).toEqual([
      '1:1-1:7: Unreadable discovery document `discovery` (5:4: Unexpected binary content, expected a Markdown spec), expected a readable Markdown file'
    ])
  })

  it('is off in recommended and a warning in strict', () => {
    const level = (preset: typeof strict) =>
      (preset.plugins ?? []).flatMap((entry) => (Array.isArray(entry) && entry[0] === discoveryCoverage ? [entry[1]] : []))
    expect(level(recommended)).toEqual([])
    expect(level(strict)).toEqual([['warn']])
  })

  it('traces the report-builder fixture to its discovery (specs/discovery/<name>.md)', async () => {
    const file = 'fixtures/plan/specs/report-builder.md'
    const messages = await lintCoverage(fs.readFileSync(path.join(root, file), 'utf8'), file)
    const from = 'fixtures/plan/specs/discovery/report-builder.md'
    expect(messages).toEqual([
      `38:35: Missing reference file \`src/auth/roles.py\` from the discovery (${from}:26), expected it in Reference Files`,
      `23:1-23:16: Missing requirement for in-scope \`Sharing reports with external clients\` (${from}:13), expected a requirement with its key terms`,
      `127:1-127:9: Missing open question \`PDF page size\` (${from}:31), expected it in Notes or resolved in the discovery`
    ])
  })

  it('runs under the strict preset from a file path', async () => {
    const file = 'fixtures/plan/specs/report-builder.md'
    const result = await lint(fs.readFileSync(path.join(root, file), 'utf8'), {preset: strict, path: path.join(root, file)})
    expect(result.messages.filter((m) => m.ruleId === 'discovery-coverage')).toHaveLength(3)
  })

  it.runIf(fs.existsSync(corpus))('reads the framework-skill-builder discovery (### In Scope / Out of Scope / Deferred)', () => {
    const discovery = readDiscovery(fs.readFileSync(path.join(corpus, 'discovery/framework-skill-builder.md'), 'utf8'))
    expect(discovery.scope.in).toHaveLength(8)
    expect(scopeOut(discovery).map((i) => i.kind)).toEqual(['out', 'out', 'out', 'out', 'deferred', 'deferred', 'deferred'])
    expect(scopeOut(discovery)[0]?.label).toBe('Merging with existing skills (assume creating new only)')
    // Five skill files; `/teammate-spawn`, `TeamCreate` and `WebSearch` are tools, not files.
    expect(discovery.references.map((r) => path.basename(r.path))).toEqual(['SKILL.md', '*.md', 'SKILL.md', 'SKILL.md', 'SKILL.md'])
    // `## Open Questions for Spec Creation`; the `## Your Task` inside a code block is not a section.
    expect(discovery.questions.map((q) => q.label)).toEqual([
      'Doc fetching strategy details',
      'Failure recovery',
      'Progress tracking',
      'User visibility',
      'Reference file templates'
    ])
  })

  describe.runIf(fs.existsSync(corpus))('on the Fight Hub spec and its discovery', () => {
    const specFile = path.join(corpus, 'specs/fight-hub-gym-website.md')
    const discoveryFile = path.join(corpus, 'discovery/fight-hub-gym-website.md')
    const spec = fs.existsSync(specFile) ? fs.readFileSync(specFile, 'utf8') : ''
    const setting = {discovery: path.relative(root, discoveryFile)}

    it('reads the discovery: 9 reference paths, no Scope section, 8 open questions of which 4 are settled', () => {
      const discovery = readDiscovery(fs.readFileSync(discoveryFile, 'utf8'))
      expect(discovery.references).toHaveLength(9)
      expect(discovery.scope.in).toEqual([])
      expect(scopeOut(discovery)).toEqual([])
      expect(discovery.questions.map((q) => q.resolved)).toEqual([true, true, true, false, false, false, true, false])
    })

    it('reports only the reference file the spec dropped', async () => {
      expect(await lintCoverage(spec, specFile, setting)).toEqual([
        `177:81: Missing reference file \`../The Pad Guy/lib/billing/\` from the discovery (${setting.discovery}:185), expected it in Reference Files`
      ])
    })

    it('reports the Meta row when the discovery is not where it says', async () => {
      expect(await lintCoverage(spec, specFile)).toEqual([
        '9:18-9:34: Missing discovery document `./discovery.md` named in Meta `Discovery`, expected an existing file'
      ])
    })

    it('reports the unsettled open questions once Notes no longer carry them', async () => {
      const withoutNotes = spec.replace(/## Notes[\s\S]*$/, '## Notes\n\n- Nothing\n')
      const messages = await lintCoverage(withoutNotes, specFile, setting)
      expect(messages.filter((m) => m.includes('open question')).map((m) => /`([^`]+)`/.exec(m)?.[1])).toEqual([
        'Media page video hosting',
        'NextGen Stripe account',
        'Domain auto-renew',
        'Final hero copy / tone sign-off'
      ])
    })
  })
})
