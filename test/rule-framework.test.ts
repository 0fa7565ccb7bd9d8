import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {VFile} from 'vfile'
import {afterAll, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest'
import {rulesById} from '../rules/index.js'
import {fixDocuments, maxPasses} from '../src/edit/apply.js'
import type {Fixing} from '../src/edit/apply.js'
import {LintCache} from '../src/engine/cache.js'
import {engineOptions, runEngine} from '../src/engine/engine.js'
import {lint} from '../src/engine/lint.js'
import {specFromSummary} from '../src/model/summary.js'
import {flattenCauses} from '../src/report/index.js'
import {reporterCompact} from '../src/report/compact.js'
import {reporterJsonRelated} from '../src/report/json.js'
import {reporterSarif} from '../src/report/sarif.js'
import {defineRule, noOptions, relatedOf, runCrossFile, runFilesOf} from '../src/rule.js'
import {specProcessor} from '../src/parse/processor.js'
import {lintRun} from './helpers/lint-run.js'
import {formatMessage} from './helpers/lint.js'
import {run} from './helpers/cli.js'

const control = vi.hoisted(() => ({calls: 0}))
vi.mock('unified-message-control', async (importOriginal) => {
  const actual = await importOriginal<typeof import('unified-message-control')>()
  return {
    ...actual,
    messageControl(...args: Parameters<typeof actual.messageControl>) {
      control.calls++
      return actual.messageControl(...args)
    }
  }
})

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')
const promise = 'INVOICE_EXPORT_API_COMPLETE'
const plugin = (id: string) => {
  const found = rulesById.get(id)
  if (!found) throw new Error(`no rule ${id}`)
  return found
}
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-framework-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})
beforeEach(() => {
  control.calls = 0
})

describe('disable comments', () => {
  it('are applied once per file under the recommended preset, not once per rule', async () => {
    const file = await lint(`<!-- spec-lint disable meta-status -->\n\n${broken}`)
    expect(file.messages.map(formatMessage)).toEqual([])
    expect(control.calls).toBe(1)
  })

  it('are not looked at in a file without spec-lint comments', async () => {
    const file = await lint(broken)
    expect(file.messages.map((m) => m.ruleId)).toEqual(['meta-status'])
    expect(control.calls).toBe(0)
  })

  it('still apply when the last rule of the preset is turned off', async () => {
    const {default: recommended} = await import('../presets/recommended.js')
    const entries = recommended.plugins ?? []
    const last = entries[entries.length - 1]
    if (!Array.isArray(last)) throw new Error('the preset does not end with a rule')
    const preset = {plugins: [...entries.slice(0, -1), [last[0], ['off']]]}
    const file = await lint(`<!-- spec-lint disable meta-status -->\n\n${broken}`, {preset: preset as never})
    expect(file.messages.map(formatMessage)).toEqual([])
    expect(control.calls).toBe(1)
  })

  it('cover a rule added after the preset (a configuration’s own rule)', async () => {
    const extra = defineRule({
      id: 'extra-check',
      summary: 'A rule from a configuration, after the preset',
      description: 'x',
      rationale: 'x',
      category: 'document',
      recommended: 'warn',
      strict: 'warn',
      fixable: false,
      options: noOptions,
      check(spec, ctx) {
        if (spec.title) ctx.report('Unexpected title, expected none', spec.title.position)
      },
      examples: {valid: [], invalid: []}
    })
    const {default: recommended} = await import('../presets/recommended.js')
    const input = `<!-- spec-lint disable extra-check meta-status -->\n\n${broken}`
    const file = await lint(input, {preset: {plugins: [recommended, [extra, ['warn']]]}})
    expect(file.messages.map(formatMessage)).toEqual([])
    expect(control.calls).toBe(1)
  })

  it('apply to cross-file messages too, once more only for what the cross-file phase added', async () => {
    const unique = plugin('completion-promise-unique')
    const preset = {plugins: [[unique, ['error']]]}
    const files = await lintRun(
      [
        {path: 'specs/a.md', value: `<!-- spec-lint disable completion-promise-unique -->\n\n${clean}`},
        {path: 'specs/b.md', value: clean}
      ],
      {preset: preset as never}
    )
    expect(files.map((file) => file.messages.map((m) => m.ruleId))).toEqual([[], ['completion-promise-unique']])
    // a.md: its own run, then the message the cross-file phase added; b.md has no comments.
    expect(control.calls).toBe(2)
  })
})

describe('rule options', () => {
  it('are parsed once per run, not per file and per reader', async () => {
    const cwd = path.join(dir, 'options')
    fs.mkdirSync(path.join(cwd, 'specs'), {recursive: true})
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(cwd, `specs/${name}.md`), clean.replaceAll(promise, `${name.toUpperCase()}_COMPLETE`))
    // An option value no other test uses, so the count is this run's.
    fs.writeFileSync(path.join(cwd, '.speclintrc.json'), JSON.stringify({rules: {'chunk-count': ['warn', {max: 37}]}}))
    const schema = plugin('chunk-count').rule.options
    const parse = vi.spyOn(schema, 'safeParse')
    try {
      const {code, context} = await runEngine(engineOptions({cwd, files: ['specs'], streamError: new PassThrough()}))
      expect(code).toBe(0)
      expect(context?.files).toHaveLength(3)
      // The configuration check, every file's attach and the record of rules that ran share one parse.
      expect(parse.mock.calls.filter(([value]) => JSON.stringify(value) === '{"max":37}')).toHaveLength(1)
    } finally {
      parse.mockRestore()
    }
  })
})

async function duplicatePromiseRun(): Promise<VFile[]> {
  return lintRun([
    {path: 'specs/a.md', value: clean},
    {path: 'specs/b.md', value: clean.replace('# Invoice Export API', '# Invoice Export Service')}
  ])
}

describe('related places', () => {
  it('a cross-file message carries the other spec’s place as its cause, with its own file', async () => {
    const [a, b] = await duplicatePromiseRun()
    const message = a?.messages[0]
    expect(message?.ruleId).toBe('completion-promise-unique')
    const related = message ? relatedOf(message) : []
    expect(related.map((place) => [place.file, place.line, place.column, place.reason])).toEqual([
      ['specs/b.md', 119, 10, `Promise \`${promise}\` also used here`]
    ])
    expect(message?.cause).toBe(related[0])
    expect(b?.messages[0] && relatedOf(b.messages[0])[0]?.file).toBe('specs/a.md')
  })

  it('a same-file duplicate points at the first one, and the reason keeps its `(first at …)`', async () => {
    const input = clean.replace(/(\| Stream \|[^\n]*\n\|[^\n]*\n)(\|[^\n]*\n)/, '$1$2$2')
    const file = await lint(input)
    const message = file.messages.find((m) => m.ruleId === 'work-streams-table')
    expect(message?.reason).toMatch(/\(first at \d+:\d+\)/)
    const first = message ? relatedOf(message)[0] : undefined
    expect(first && `(first at ${first.line}:${first.column})`).toBe(/\(first at \d+:\d+\)/.exec(message?.reason ?? '')?.[0])
    expect(first?.file).toBe('specs/example.md')
  })

  it('SARIF links them as relatedLocations, in the other file’s URI', async () => {
    const files = await duplicatePromiseRun()
    for (const file of files) file.cwd = dir
    const log = JSON.parse(reporterSarif(files, {root: dir})) as {
      runs: Array<{results: Array<{ruleId: string; locations: unknown[]; relatedLocations?: unknown[]}>}>
    }
    const results = log.runs[0]?.results.filter((r) => r.ruleId === 'completion-promise-unique') ?? []
    expect(results).toHaveLength(2)
    expect(results[0]?.relatedLocations).toEqual([
      {
        id: 1,
        message: {text: `Promise \`${promise}\` also used here`},
        physicalLocation: {
          artifactLocation: {uri: 'specs/b.md', uriBaseId: '%SRCROOT%'},
          region: {startLine: 119, startColumn: 10, endLine: 119, endColumn: 37}
        }
      }
    ])
    const others = log.runs[0]?.results.filter((r) => r.ruleId !== 'completion-promise-unique') ?? []
    for (const result of others) expect(result).not.toHaveProperty('relatedLocations')
  })

  it('the JSON report lists them; the compact report prints the reason as before', async () => {
    const files = await duplicatePromiseRun()
    const json = JSON.parse(reporterJsonRelated(files)) as Array<{messages: Array<{reason: string; related?: unknown}>}>
    expect(json[0]?.messages[0]?.related).toEqual([
      {
        reason: `Promise \`${promise}\` also used here`,
        file: 'specs/b.md',
        place: {start: {line: 119, column: 10, offset: expect.any(Number)}, end: {line: 119, column: 37, offset: expect.any(Number)}}
      }
    ])
    expect(reporterCompact(files)).toContain(`Unexpected promise \`${promise}\` also used by \`specs/b.md:119\`, expected a promise unique to this spec`)
  })

  it('are not folded into the reason as an error cause is', async () => {
    const [a] = await duplicatePromiseRun()
    if (!a) throw new Error('no file')
    const reason = a.messages[0]?.reason
    flattenCauses([a])
    expect(a.messages[0]?.reason).toBe(reason)
    expect(a.messages[0] && relatedOf(a.messages[0])).toHaveLength(1)
  })

  it('survive the cache', async () => {
    const location = path.join(dir, 'related-cache.json')
    const input = clean.replace(/(\| Stream \|[^\n]*\n\|[^\n]*\n)(\|[^\n]*\n)/, '$1$2$2')
    const processor = specProcessor()
    const cold = new VFile({path: path.join(dir, 'dup.md'), value: input})
    const cache = new LintCache(location, 'test')
    expect(cache.restore(cold, processor)).toBe(false)
    const linted = await lint(input, {path: cold.path})
    for (const message of linted.messages) cold.messages.push(message)
    cache.store(cold, {promises: []})
    cache.save()
    const warm = new VFile({path: cold.path, value: input})
    expect(new LintCache(location, 'test').restore(warm, processor)).toBe(true)
    const message = warm.messages.find((m) => m.ruleId === 'work-streams-table')
    const related = message ? relatedOf(message) : []
    expect(related.map((place) => [place.line, place.column, place.reason])).toEqual(
      linted.messages.filter((m) => m.ruleId === 'work-streams-table').flatMap((m) => relatedOf(m).map((place) => [place.line, place.column, place.reason]))
    )
    expect(related).toHaveLength(1)
  })
})

describe('the cross-file phase', () => {
  it('runs over summaries, so files restored from the cache (no tree, only a summary) take part', () => {
    const unique = plugin('completion-promise-unique')
    const first = new VFile({path: 'specs/a.md', value: ''})
    const second = new VFile({path: 'specs/b.md', value: ''})
    const position = {start: {line: 3, column: 10, offset: 20}, end: {line: 3, column: 23, offset: 33}}
    const summary = {promises: [{value: 'SITE_COMPLETE', form: 'tag' as const, position, valuePosition: position}]}
    first.data.spec = specFromSummary(summary as never)
    second.data.spec = specFromSummary(summary as never)
    runCrossFile(unique.rule, {level: 'error', options: {}}, {}, runFilesOf([first, second]))
    expect(first.messages.map(formatMessage)).toEqual([
      '3:10-3:23: Unexpected promise `SITE_COMPLETE` also used by `specs/b.md:3`, expected a promise unique to this spec'
    ])
    expect(first.messages[0]?.fatal).toBe(true)
    expect(second.messages.map((m) => m.ruleId)).toEqual(['completion-promise-unique'])
  })

  it('runs once per run however many files attach the rule', async () => {
    const check = vi.fn()
    const rule = defineRule({
      id: 'run-counter',
      summary: 'Counts cross-file phases',
      description: 'x',
      rationale: 'x',
      category: 'document',
      recommended: 'warn',
      strict: 'warn',
      fixable: false,
      options: noOptions,
      checkRun: check,
      examples: {valid: [], invalid: []}
    })
    await lintRun(
      ['a', 'b', 'c'].map((name) => ({path: `specs/${name}.md`, value: `# ${name}\n`})),
      {preset: {plugins: [[rule, ['warn']]]} as never}
    )
    expect(check).toHaveBeenCalledTimes(1)
    expect((check.mock.calls[0]?.[0] as Array<{name: string}>).map((entry) => entry.name)).toEqual(['specs/a.md', 'specs/b.md', 'specs/c.md'])
  })
})

describe('the cross-file phase with --cache', () => {
  it('reports a shared promise on a warm run, when both files come from the cache', () => {
    const cwd = path.join(dir, 'cache-cross')
    fs.mkdirSync(cwd, {recursive: true})
    fs.writeFileSync(path.join(cwd, 'a.md'), clean)
    fs.writeFileSync(path.join(cwd, 'b.md'), clean.replace('# Invoice Export API', '# Invoice Export Service'))
    const cold = run(['--cache', '--report', 'sarif', 'a.md', 'b.md'], {cwd, env: {GITHUB_WORKSPACE: cwd}})
    const warm = run(['--cache', '--report', 'sarif', 'a.md', 'b.md'], {cwd, env: {GITHUB_WORKSPACE: cwd}})
    expect(Object.keys((JSON.parse(fs.readFileSync(path.join(cwd, '.speclintcache'), 'utf8')) as {entries: object}).entries)).toHaveLength(2)
    expect(warm).toEqual(cold)
    const log = JSON.parse(warm.stderr) as {
      runs: Array<{results: Array<{ruleId: string; relatedLocations?: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
    }
    const results = log.runs[0]?.results.filter((r) => r.ruleId === 'completion-promise-unique') ?? []
    expect(results.map((r) => r.relatedLocations?.map((l) => l.physicalLocation.artifactLocation.uri))).toEqual([['b.md'], ['a.md']])
    expect(warm.code).toBe(1)
  })
})

describe('the fix loop', () => {
  const growing = (text: string): VFile => {
    const file = new VFile({value: text})
    const message = file.message('Unexpected end, expected one more `x`', {place: {line: 1, column: 1, offset: text.length}})
    message.expected = ['x']
    return file
  }

  it(`stops after ${maxPasses} passes when fixes keep producing fixes`, async () => {
    const relint = vi.fn(async (changed: readonly Fixing[]) => changed.map((entry) => growing(entry.text)))
    const document = {text: '', file: growing('')}
    const {passes} = await fixDocuments([document], relint)
    expect(passes).toBe(maxPasses)
    expect(document.text).toBe('x'.repeat(maxPasses))
    expect(relint).toHaveBeenCalledTimes(maxPasses)
  })

  it('lints again only the documents that changed, all of a pass at once', async () => {
    const done = {text: 'done', file: new VFile({value: 'done'})}
    const open = {text: '', file: growing('')}
    const passes: string[][] = []
    const relint = async (changed: readonly Fixing[]) => {
      passes.push(changed.map((entry) => entry.text))
      return changed.map((entry) => (entry.text.length < 2 ? growing(entry.text) : new VFile({value: entry.text})))
    }
    const result = await fixDocuments([done, open], relint)
    expect(result.passes).toBe(2)
    expect(passes).toEqual([['x'], ['xx']])
    const {applied} = result
    expect(applied.get(open)).toHaveLength(2)
    expect(applied.has(done)).toBe(false)
  })
})
