import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatSpec} from '../../src/format/index.js'
import {scaffoldSpec} from '../../src/init/index.js'
import {placeholders} from '../../src/init/scaffold.js'
import {corpus, fixtures, lintScaffold, project} from './helpers.js'

const deliberate = new Set<string>(Object.values(placeholders))

const documents = [
  ...fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({name: `fixtures/${name}`, file: path.join(fixtures, name)})),
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
  it('prints aligned GFM tables, `-` bullets and no stray blank lines (the canonical form)', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'hybrid', project, created: '2026-01-10'})
    expect(markdown).toMatch(/^\| Field +\| Value +\|\n\| -+ \| -+ \|\n\| Type +\| hybrid +\|$/m)
    expect(markdown).toMatch(/^\| Chunk +\| Stream +\| Outcome +\| Depends On +\|\n\| -+ \| -+ \| -+ \| -+ \|$/m)
    expect(markdown).toMatch(/^\| From +\| To +\| When +\| What +\|\n\| -+ \| -+ \| -+ \| -+ \|$/m)
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown).not.toMatch(/\n\n\n/)
    expect(markdown).not.toMatch(/^[*+] /m)
  })

  it('escapes pipes in table cells', () => {
    const {markdown} = scaffoldSpec({title: 'X', type: 'backend-api', project: {...project, repo: 'a|b'}, created: '2026-01-10'})
    expect(markdown).toMatch(/^\| Repo +\| a\\\|b +\|$/m)
  })

  it.each(documents)('$name: is in the canonical form (`spec-lint --format` changes nothing)', ({file}) => {
    for (const withCommands of [true, false]) {
      const {markdown} = scaffoldOf(file, withCommands)
      expect(formatSpec(markdown)).toBe(markdown)
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

/** Bracketed texts outside code (inline or fenced: a carried schema), checkboxes aside. */
function bracketedOutsideCode(markdown: string): number {
  let fenced = false
  return (
    markdown
      .split('\n')
      .filter((line) => {
        if (/^\s*(?:```|~~~)/.test(line)) {
          fenced = !fenced
          return false
        }
        return !fenced
      })
      .map((line) => line.replace(/`[^`]*`/g, '').replace(/^(\s*)- \[[ xX]\] /, '$1'))
      .join('\n')
      .match(/\[[^[\]\n]+\]/g)?.length ?? 0
  )
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
