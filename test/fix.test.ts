import fs from 'node:fs'
import path from 'node:path'
import type {Preset} from 'unified'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import recommended from '../presets/recommended.js'
import strict from '../presets/strict.js'
import {rules} from '../rules/index.js'
import {applyEdits, editsOf, fixText, inLineEnding} from '../src/edit/apply.js'
import type {Edit} from '../src/edit/apply.js'
import {lint} from '../src/engine/lint.js'
import {corpusFiles, fixtureFiles, modelOf, root} from './helpers/documents.js'
import {editSpans, unexplainedChanges} from './helpers/model-diff.js'

const presets: Array<[string, Preset]> = [
  ['recommended', recommended],
  ['strict', strict]
]

/** Every document a fix can run on: fixtures, every rule's invalid examples, the corpus. */
const inputs: Array<{name: string; value: string; path?: string}> = [
  ...fixtureFiles().map((file) => ({name: path.relative(root, file), value: fs.readFileSync(file, 'utf8')})),
  ...rules.flatMap(({rule}) =>
    rule.examples.invalid.map((example, index) => ({
      name: `${rule.id} example ${index + 1}`,
      value: example.input,
      ...(example.path === undefined ? {} : {path: example.path})
    }))
  ),
  ...corpusFiles().map((file) => ({name: path.relative(root, file), value: fs.readFileSync(file, 'utf8')}))
]

function fixable(file: VFile): string[] {
  return file.messages.filter((m) => m.expected?.[0] !== undefined && m.place).map((m) => `${m.ruleId}: ${m.reason}`)
}

/** The fix loop of `--fix`, pass by pass, so each pass's edits can be checked against the model. */
async function passes(value: string, preset: Preset, file?: string): Promise<{passes: Array<{before: string; after: string; applied: Edit[]}>; last: VFile}> {
  const out: Array<{before: string; after: string; applied: Edit[]}> = []
  let current = value
  let last = await lint(current, {preset, path: file})
  for (let pass = 0; pass < 10; pass++) {
    const {text, applied} = applyEdits(current, inLineEnding(editsOf(last), current))
    if (applied.length === 0) break
    out.push({before: current, after: text, applied})
    current = text
    last = await lint(current, {preset, path: file})
  }
  return {passes: out, last}
}

describe.each(presets)('fix, then lint again (%s)', (_name, preset) => {
  it.each(inputs.map((input) => [input.name, input] as const))('%s', async (_label, input) => {
    const result = await passes(input.value, preset, input.path)
    expect(fixable(result.last), 'fixable messages left after fixing').toEqual([])
    let model = result.passes.length > 0 ? modelOf(input.value) : undefined
    for (const pass of result.passes) {
      const next = modelOf(pass.after)
      const changes = unexplainedChanges(model, next, editSpans(pass.applied))
      expect(changes, 'model changes away from any fix').toEqual([])
      model = next
    }
  })
})

describe('fixText', () => {
  const broken = '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | In Progress |\n'
  const only: Preset = {plugins: [[rules.find((r) => r.rule.id === 'meta-status')!, 'error']]}

  it('runs the same passes as --fix', async () => {
    const value = inputs.find((input) => input.name.startsWith('meta-status'))?.value ?? ''
    const result = await passes(value, recommended)
    const fixed = await fixText(value, (text) => lint(text))
    expect(result.passes.length).toBeGreaterThan(0)
    expect(fixed.text).toBe(result.passes.at(-1)?.after)
    expect(fixed.passes).toBe(result.passes.length)
  })

  it('keeps a byte order mark and fixes the right offsets behind it', async () => {
    const {text} = await fixText('\ufeff' + broken, (value) => lint(value, {preset: only}))
    expect(text).toBe('\ufeff' + broken.replace('In Progress', 'in-progress'))
  })

  it("writes inserted lines in the file's line ending", async () => {
    const crlf = '# T\r\n\r\n## Meta\r\n\r\n| Field | Value |\r\n|---|---|\r\n| Status | draft |\r\n'
    const {text} = await fixText(crlf, (value) => lint(value))
    expect(text).not.toMatch(/[^\r]\n/)
    expect(text.length).toBeGreaterThan(crlf.length)
  })
})

describe('editSpans / unexplainedChanges', () => {
  it('locates a change at the fixed cell and flags one elsewhere', () => {
    const before = '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | WIP |\n| Repo | r |\n'
    const at = before.indexOf('WIP')
    const edit: Edit = {start: at, end: at + 3, text: 'in-progress', ruleId: 'meta-status'}
    const after = applyEdits(before, [edit]).text
    expect(unexplainedChanges(modelOf(before), modelOf(after), editSpans([edit]))).toEqual([])
    const elsewhere = after.replace('| Repo | r |', '| Repo | q |')
    expect(unexplainedChanges(modelOf(before), modelOf(elsewhere), editSpans([edit])).length).toBeGreaterThan(0)
  })
})
