import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {buildSpec} from '../../src/model/build.js'
import {specProcessor} from '../../src/parse/processor.js'
import {lint} from '../../src/engine/lint.js'
import {scaffoldSpec} from '../../src/init/index.js'
import type {ScaffoldInput} from '../../src/init/index.js'

export const fixtures = path.resolve(import.meta.dirname, '../../fixtures/discovery')
export const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus/discovery')

export const project = {repo: 'acme-api', testCommand: 'pytest', lintCommand: 'ruff check .'}

export function scaffoldFixture(name: string, options: Partial<ScaffoldInput> = {}) {
  return scaffoldSpec({
    source: fs.readFileSync(path.join(fixtures, name), 'utf8'),
    project,
    created: '2026-01-10',
    discoveryPath: `docs/${name}`,
    ...options
  })
}

export function modelOf(markdown: string) {
  const tree = specProcessor().parse(markdown) as Root
  return buildSpec(tree, markdown)
}

/** Error-level lint messages under the recommended preset, `no-placeholders` aside. */
export async function lintErrors(markdown: string, file = 'specs/scaffold.md'): Promise<string[]> {
  return (await lintScaffold(markdown, file)).errors
}

/** The scaffold's other errors, and the placeholders `no-placeholders` reports. */
export async function lintScaffold(markdown: string, file = 'specs/scaffold.md'): Promise<{errors: string[]; placeholders: string[]}> {
  const result = await lint(markdown, {path: file})
  return {
    errors: result.messages.filter((m) => m.fatal === true && m.ruleId !== 'no-placeholders').map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`),
    placeholders: result.messages
      .filter((m) => m.ruleId === 'no-placeholders')
      .map((m) => /^Unexpected placeholder `(.*)`, expected/.exec(m.reason)?.[1] ?? m.reason)
  }
}
