import fs from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {scaffoldSpec} from '../../src/init/index.js'
import {placeholders} from '../../src/init/scaffold.js'
import {corpus, fixtures, lintScaffold, project} from './helpers.js'

const deliberate = new Set<string>(Object.values(placeholders))

/**
 * What remark-stringify prints with the canonical list settings, with the two
 * things the formatter does its own way evened out: table padding and the
 * backslashes remark adds before `[` and `~`.
 */
function stringifyNormalised(markdown: string): string {
  const printed = String(
    unified().use(remarkParse).use(remarkGfm).use(remarkStringify, {bullet: '-', listItemIndent: 'one', rule: '-'}).processSync(markdown)
  )
  return normaliseTables(printed.replace(/\\([[~])/g, '$1'))
}

function normaliseTables(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '-' : cell.trim()))
            .join('|')
        : line
    )
    .join('\n')
}

const documents = [
  ...fs.readdirSync(fixtures).map((name) => ({name: `fixtures/${name}`, file: path.join(fixtures, name)})),
  ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).map((name) => ({name: `corpus/${name}`, file: path.join(corpus, name)})) : [])
]

function scaffoldOf(file: string, withCommands: boolean) {
  return scaffoldSpec({
    source: fs.readFileSync(file, 'utf8'),
    project: withCommands ? project : {repo: 'acme', testCommand: null, lintCommand: null},
    created: '2026-01-10',
    discoveryPath: 'docs/discovery.md'
  })
}

describe('rendered scaffold', () => {
  it('uses the canonical delimiter rows and single-space padding', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'hybrid', project, created: '2026-01-10'})
    expect(markdown).toContain('| Field | Value |\n|-------|-------|\n| Type | hybrid |\n')
    expect(markdown).toContain('| Chunk | Stream | Outcome | Depends On |\n|-------|--------|---------|------------|\n')
    expect(markdown).toContain('| From | To | When | What |\n|------|----|------|------|\n')
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown).not.toMatch(/\n\n\n/)
    expect(markdown).not.toMatch(/^[*+] /m)
  })

  it('escapes pipes in table cells', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'backend-api', project: {...project, repo: 'a|b'}, created: '2026-01-10'})
    expect(markdown).toContain('| Repo | a\\|b |\n')
  })

  it.each(documents)('$name: block structure is what remark-stringify prints', ({file}) => {
    for (const withCommands of [true, false]) {
      const {markdown} = scaffoldOf(file, withCommands)
      expect(stringifyNormalised(markdown)).toBe(normaliseTables(markdown))
    }
  })

  it.each(documents)('$name: lints with no error but placeholders, each one deliberate and reported', async ({file}) => {
    for (const withCommands of [true, false]) {
      const {markdown} = scaffoldOf(file, withCommands)
      const {errors, placeholders: found} = await lintScaffold(markdown)
      expect(errors).toEqual([])
      expect(found.length).toBeGreaterThan(0)
      expect(found.filter((text) => !deliberate.has(text))).toEqual([])
      // Every bracketed text the renderer wrote outside code is reported: none slips past the rule.
      expect(found.length).toBe(bracketedOutsideCode(markdown))
    }
  })
})

/** Bracketed texts outside inline code, checkboxes aside. */
function bracketedOutsideCode(markdown: string): number {
  return markdown
    .split('\n')
    .map((line) => line.replace(/`[^`]*`/g, '').replace(/^(\s*)- \[[ xX]\] /, '$1'))
    .join('\n')
    .match(/\[[^[\]\n]+\]/g)?.length ?? 0
}

describe('deliberate placeholders', () => {
  it('are all reported by no-placeholders in the blank template', async () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'hybrid', project: {repo: 'r', testCommand: null, lintCommand: null}, created: '2026-01-10'})
    const found = new Set((await lintScaffold(markdown)).placeholders)
    const expected = Object.values(placeholders).filter((p) => p !== placeholders.communication && p !== placeholders.path)
    expect(expected.filter((p) => !found.has(p))).toEqual([])
  })

  it('leave a text placeholder beside every code placeholder', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'backend-api', project: {repo: 'r', testCommand: null, lintCommand: null}, created: '2026-01-10'})
    const lines = markdown.split('\n').filter((line) => /`\[[^\]]+\]`/.test(line))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line.replace(/`[^`]*`/g, '')).toMatch(/\[[^\]]+\]/)
  })
})
