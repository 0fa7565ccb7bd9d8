import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {metaOrder} from '../../src/format/index.js'
import {buildSpec} from '../../src/model/build.js'
import {markdownProcessor} from '../../src/parse/processor.js'
import type {SpecModel} from '../../src/model/schema.js'
import {stripPositions} from '../../src/model/strip.js'

export const root = path.resolve(import.meta.dirname, '../..')

/** `../shared/corpus` next to the repository (or `SPEC_LINT_CORPUS`); tests skip when it is absent. */
export const corpus = path.resolve(root, process.env.SPEC_LINT_CORPUS ?? '../shared/corpus')

function markdownUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return []
  return (fs.readdirSync(folder, {recursive: true, encoding: 'utf8'}) as string[])
    .filter((name) => /\.(?:md|markdown)$/.test(name))
    .sort()
    .map((name) => path.join(folder, name))
}

/** Every Markdown file in `fixtures/`. */
export function fixtureFiles(): string[] {
  return markdownUnder(path.join(root, 'fixtures'))
}

/** Every spec and discovery doc in the corpus, or none when it is absent. */
export function corpusFiles(): string[] {
  return markdownUnder(corpus)
}

// The parser spec-lint reads with (GFM, a task list check outside a list item as text).
const parser = markdownProcessor().freeze()

export function parse(text: string): Root {
  return parser.parse(text)
}

export function modelOf(text: string): SpecModel {
  return buildSpec(parse(text), text)
}

function rank(field: string): number {
  const index = (metaOrder as readonly string[]).indexOf(field.trim().toLowerCase())
  return index === -1 ? metaOrder.length : index
}

/**
 * The model without positions, Meta rows in template order: the one change
 * the canonical form makes to a model on purpose.
 */
export function comparableModel(spec: SpecModel): SpecModel {
  const model = stripPositions(spec)
  if (model.meta) {
    model.meta.rows = model.meta.rows
      .map((row, index) => ({row, index}))
      .sort((a, b) => rank(a.row.field) - rank(b.row.field) || a.index - b.index)
      .map(({row}) => row)
  }
  return model
}

/**
 * Words, case-insensitive and without ordered-list numbers: the canonical
 * form writes `[X]` as `[x]` and numbers list items 1, 2, 3.
 */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/^([ \t>]*)\d{1,9}[.)](?=[ \t]|$)/gm, '$1')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** Split a document into its Meta section (by the model's range) and the rest. */
function splitMeta(text: string, spec: SpecModel): {meta: string; rest: string} {
  const section = spec.sections.find((s) => s.canonical === 'Meta')
  if (!section) return {meta: '', rest: text}
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const {start, end} = section.position
  return {meta: body.slice(start.offset, end.offset), rest: body.slice(0, start.offset) + '\n' + body.slice(end.offset)}
}

/**
 * The first word of `input` missing from `output` (words in order; Meta rows
 * may move, so the Meta section's words only have to be there), or undefined.
 */
export function lostWord(input: string, output: string, specs = [modelOf(input), modelOf(output)] as const): string | undefined {
  const a = splitMeta(input, specs[0])
  const b = splitMeta(output, specs[1])
  const have = words(b.rest)
  let at = 0
  for (const word of words(a.rest)) {
    while (at < have.length && have[at] !== word) at++
    if (at === have.length) return word
    at++
  }
  const pool = new Map<string, number>()
  for (const word of words(b.meta)) pool.set(word, (pool.get(word) ?? 0) + 1)
  for (const word of words(a.meta)) {
    const count = pool.get(word) ?? 0
    if (count === 0) return word
    pool.set(word, count - 1)
  }
  return undefined
}
