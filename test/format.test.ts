import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatTree} from '../src/format/index.js'
import {buildSpec} from '../src/model/build.js'
import {comparableModel, corpusFiles, fixtureFiles, lostWord, parse, root} from './helpers/documents.js'
import {specText} from './helpers/spec-arbitrary.js'

/** The three guarantees of the canonical form, for one document. */
function expectGuarantees(input: string): void {
  // Each text is parsed once, as the printer and the model builder share a tree.
  const before = parse(input)
  const once = formatTree(before, input)
  const after = parse(once)
  expect(formatTree(after, once), 'idempotent').toBe(once)
  const specs = [buildSpec(before, input), buildSpec(after, once)] as const
  expect(comparableModel(specs[1]), 'model-preserving').toEqual(comparableModel(specs[0]))
  expect(lostWord(input, once, specs), 'text-preserving').toBeUndefined()
}

const documents = [...fixtureFiles(), ...corpusFiles()]

describe('canonical form over every fixture and corpus document', () => {
  it.each(documents.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
    expectGuarantees(fs.readFileSync(file, 'utf8'))
  })
})

describe('canonical form over generated specs', () => {
  it('is idempotent, model-preserving and text-preserving', () => {
    fc.assert(
      fc.property(specText, (input) => {
        expectGuarantees(input)
      }),
      {numRuns: 150}
    )
  })
})
