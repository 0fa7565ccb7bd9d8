import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintRun} from './helpers/lint-run.js'
import {lint} from '../src/engine/lint.js'

/*
 * Real specs under `recommended`. The corpus is not part of the repository:
 * these tests skip without `../shared/corpus` (or `SPEC_LINT_CORPUS`).
 */
const corpus = process.env.SPEC_LINT_CORPUS ?? path.resolve(import.meta.dirname, '../../shared/corpus/specs')
const hasCorpus = fs.existsSync(corpus)

/** The document, content and completion rules, whose verdicts on the corpus were reviewed by hand. */
const reviewed = new Set([
  'architecture-section',
  'no-placeholders',
  'overview-length',
  'no-progress-in-spec',
  'spec-location',
  'skills-listed',
  'requirements-listed',
  'reference-files',
  'reference-files-exist',
  'acceptance-criteria',
  'acceptance-verifiable',
  'completion-promise-unique',
  'agent-routing'
])

describe.runIf(hasCorpus)('recommended over ../shared/corpus/specs', () => {
  it('the canonical JWT example lints clean on its own', async () => {
    const file = await lint(fs.readFileSync(path.join(corpus, 'template-v3-example-jwt-auth.md'), 'utf8'), {
      path: path.join(corpus, 'template-v3-example-jwt-auth.md')
    })
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} ${m.ruleId}`)).toEqual([])
  })

  it('gives only the reviewed verdicts when the corpus is linted as one run', async () => {
    const names = fs
      .readdirSync(corpus)
      .filter((name) => name.endsWith('.md'))
      .sort()
    const files = await lintRun(names.map((name) => ({path: path.join(corpus, name), value: fs.readFileSync(path.join(corpus, name), 'utf8')})))
    const verdicts = Object.fromEntries(
      files.map((file) => [file.basename, file.messages.filter((m) => reviewed.has(m.ruleId ?? '')).map((m) => `${m.line}:${m.column} ${m.ruleId}`)])
    )
    // The three template versions are one spec rewritten, so they share their promise.
    expect(verdicts).toEqual({
      'execution-plan-fragment.md': [],
      'fight-hub-gym-website.md': [],
      'template-v1-example.md': ['85:10 completion-promise-unique'],
      'template-v2-example.md': ['95:10 completion-promise-unique'],
      'template-v3-example-jwt-auth.md': ['149:10 completion-promise-unique']
    })
  })

  it('gives every message on the corpus that was judged right, and no other', async () => {
    const names = fs
      .readdirSync(corpus)
      .filter((name) => name.endsWith('.md'))
      .sort()
    const files = await lintRun(names.map((name) => ({path: path.join(corpus, name), value: fs.readFileSync(path.join(corpus, name), 'utf8')})))
    const all = Object.fromEntries(files.map((file) => [file.basename, file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort()]))
    const subtasks = [
      '191:5',
      '200:5',
      '203:5',
      '205:5',
      '209:5',
      '212:5',
      '214:5',
      '217:5',
      '220:5',
      '221:5',
      '223:5',
      '226:5',
      '229:5',
      '232:5',
      '236:5',
      '237:5'
    ]
    expect(all['fight-hub-gym-website.md']).toEqual(
      [
        '5:1 meta-table',
        '5:13 meta-type',
        // One message per habit on the Execution Plan heading: no chunk tables, no checkboxes, no Outcome/Skills lines.
        '185:1 chunk-table',
        '185:1 chunk-fields',
        '185:1 chunk-checkbox',
        // Each chunk but C0.2 has no sub-task; 17 chunks (not 21: Phase 6 is client to-dos).
        ...subtasks.flatMap((at) => (at === '221:5' ? [`${at} chunk-fields`, `${at} chunk-count`] : [`${at} chunk-fields`])),
        '240:1 execution-plan-structure',
        '269:1 completion-promise'
      ].sort()
    )
    expect(all['template-v3-example-jwt-auth.md']).toEqual(['149:10 completion-promise-unique'])
  })
})
