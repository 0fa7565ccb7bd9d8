import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import recommended from '../presets/recommended.js'
import strict from '../presets/strict.js'
import {escapeData, escapeProperty, reporterGithub, workflowCommand} from '../src/report/github.js'
import {reporterSarif} from '../src/report/sarif.js'
import {lint} from '../src/engine/lint.js'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |').replace(/(## Completion Promise[\s\S]*?)(## Notes[\s\S]*)$/, '$2\n$1')
const env = {GITHUB_WORKSPACE: ''}
let dir: string

function presetIds(preset: typeof recommended): string[] {
  return (preset.plugins ?? []).flatMap((entry) => {
    const plugin = Array.isArray(entry) ? entry[0] : entry
    return typeof plugin === 'function' && 'rule' in plugin ? [(plugin as {rule: {id: string}}).rule.id] : []
  })
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-report-'))
  fs.mkdirSync(path.join(dir, '.git'))
  fs.mkdirSync(path.join(dir, 'specs'))
  fs.mkdirSync(path.join(dir, 'tools'))
  fs.writeFileSync(path.join(dir, 'specs/broken.md'), broken)
  // Its own promise: specs in one run must not share one (`completion-promise-unique`).
  fs.writeFileSync(path.join(dir, 'specs/clean.md'), clean.replaceAll('INVOICE_EXPORT_API_COMPLETE', 'OTHER_COMPLETE'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('--report github', () => {
  it('escapes data (`%`, CR, LF) and properties (also `:` and `,`)', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
    expect(escapeProperty('C:\\specs\\a,b%.md\n')).toBe('C%3A\\specs\\a%2Cb%25.md%0A')
    const file = new VFile({path: 'specs/a.md', value: 'x'})
    const message = file.message('Unexpected `50%`,\nexpected: `x`', {place: {line: 2, column: 3}, ruleId: 'meta-type'})
    message.fatal = true
    expect(workflowCommand(message, 'specs/a:b,c.md')).toBe(
      '::error file=specs/a%3Ab%2Cc.md,line=2,endLine=2,col=3,endColumn=3,title=spec-lint(meta-type)::Unexpected `50%25`,%0Aexpected: `x`'
    )
  })

  it('prints one workflow command per message, repository-relative, errors and warnings', () => {
    const result = run(['--report', 'github', '../specs'], {cwd: path.join(dir, 'tools'), env})
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      '::error file=specs/broken.md,line=9,endLine=9,col=12,endColumn=23,title=spec-lint(meta-status)::Unexpected Status `In Progress`, expected `in-progress`',
      expect.stringMatching(
        /^::warning file=specs\/broken\.md,line=\d+,endLine=\d+,col=1,endColumn=\d+,title=spec-lint\(section-order\)::Unexpected section `## Completion Promise` after `## Notes`/
      )
    ])
  })

  it('names files relative to GITHUB_WORKSPACE when set, and keeps only errors with --silent', () => {
    const result = run(['--report', 'github', '--silent', 'broken.md'], {cwd: path.join(dir, 'specs'), env: {GITHUB_WORKSPACE: path.dirname(dir)}})
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^::error file=${path.basename(dir)}/specs/broken\\.md,line=9,`))])
  })

  it('reports nothing for clean files', async () => {
    expect(reporterGithub([await lint(clean)])).toBe('')
  })
})

describe('--report sarif', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
  // The schema's `language` pattern is not valid with the `u` flag (a stray `]`); JSON Schema regexes are ECMA-262 without it.
  // CommonJS modules: their `default` is the export under Node's ESM interop.
  const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
  ajvFormats.default(ajv)
  const validate = ajv.compile(schema)

  interface Sarif {
    version: string
    runs: Array<{
      tool: {driver: {name: string; version: string; rules: Array<{id: string; helpUri?: string; shortDescription: {text: string}}>}}
      results: Array<{
        ruleId: string
        ruleIndex: number
        level: string
        message: {text: string}
        locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}>
        partialFingerprints: Record<string, string>
      }>
    }>
  }

  function sarif(args: string[], cwd = path.join(dir, 'tools')): Sarif {
    const result = run(['--report', 'sarif', ...args], {cwd, env})
    const log = JSON.parse(result.stderr) as Sarif
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true)
    return log
  }

  it('is valid SARIF 2.1.0 with every rule that ran and a result per message', () => {
    const log = sarif(['../specs'])
    expect(log.version).toBe('2.1.0')
    const [only] = log.runs
    const driver = only?.tool.driver
    expect(driver?.name).toBe('spec-lint')
    expect(driver?.rules.map((r) => r.id)).toEqual(presetIds(recommended))
    for (const rule of driver?.rules ?? []) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`))
      expect(rule.shortDescription.text).not.toBe('')
    }
    const status = only?.results.find((r) => r.ruleId === 'meta-status')
    expect(status).toMatchObject({
      level: 'error',
      message: {text: 'Unexpected Status `In Progress`, expected `in-progress`'},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'specs/broken.md', uriBaseId: '%SRCROOT%'},
            region: {startLine: 9, startColumn: 12, endLine: 9, endColumn: 23}
          }
        }
      ]
    })
    expect(driver?.rules[status?.ruleIndex ?? -1]?.id).toBe('meta-status')
    expect(only?.results.find((r) => r.ruleId === 'section-order')?.level).toBe('warning')
    expect(only?.results).toHaveLength(2)
  })

  it('lists the rules of the configured preset', () => {
    fs.writeFileSync(path.join(dir, '.speclintrc.json'), JSON.stringify({extends: 'strict', rules: {'meta-repo': 'off'}}))
    try {
      const log = sarif(['../specs'])
      expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(presetIds(strict).filter((id) => id !== 'meta-repo'))
    } finally {
      fs.rmSync(path.join(dir, '.speclintrc.json'))
    }
  })

  it('keeps fingerprints when lines move, and tells equal messages apart', async () => {
    const fingerprints = async (text: string) =>
      (JSON.parse(reporterSarif([await lint(text, {path: 'specs/a.md'})], {root: process.cwd()})) as Sarif).runs[0]?.results.map((r) => [
        r.ruleId,
        r.locations[0]?.physicalLocation.region.startLine,
        r.partialFingerprints['specLintMessage/v1']
      ])
    const before = await fingerprints(broken)
    const after = await fingerprints(broken.replace('## Overview\n', '## Overview\n\nA new paragraph.\n'))
    const status = (rows: typeof before) => rows?.find((row) => row[0] === 'meta-status')
    const order = (rows: typeof before) => rows?.find((row) => row[0] === 'section-order')
    expect(status(after)?.[2]).toBe(status(before)?.[2])
    expect(order(after)?.[1]).toBe(Number(order(before)?.[1]) + 2)
    expect(order(after)?.[2]).toBe(order(before)?.[2])
    const all = before?.map((row) => row[2])
    expect(new Set(all).size).toBe(all?.length)
  })
})
