import fs from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {findPlaceholders, scaffoldSpec} from '../../src/init/index.js'
import {placeholders} from '../../src/init/scaffold.js'
import {corpus, fixtures, lintErrors, project} from './helpers.js'

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

  it.each(documents)('$name: lints with no error but placeholders, each one deliberate', async ({file}) => {
    for (const withCommands of [true, false]) {
      const {markdown} = scaffoldOf(file, withCommands)
      expect(await lintErrors(markdown)).toEqual([])
      const found = findPlaceholders(markdown).map((p) => p.text)
      expect(found.length).toBeGreaterThan(0)
      expect(found.filter((text) => !deliberate.has(text))).toEqual([])
    }
  })
})

describe('findPlaceholders', () => {
  it('finds bracketed text and placeholder code, not links, checkboxes or issue ids', () => {
    const found = findPlaceholders(
      '# [Work Title]\n\n- [ ] **Login** (NS-101)\n- [x] done [Sub-task 1]\n\nSee [docs](https://x.y) and [ref][] `[test command]` `a[0]`\n\n[ref]: https://x.y\n'
    )
    expect(found.map((p) => p.text)).toEqual(['[Work Title]', '[Sub-task 1]', '[test command]'])
  })

  it('finds every placeholder the blank template leaves', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'hybrid', project: {repo: 'r', testCommand: null, lintCommand: null}, created: '2026-01-10'})
    const found = new Set(findPlaceholders(markdown).map((p) => p.text))
    const expected = Object.values(placeholders).filter((p) => p !== placeholders.communication)
    expect(expected.filter((p) => !found.has(p))).toEqual([])
  })
})
