import fs from 'node:fs'
import nodePath from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rulesById} from '../rules/index.js'
import {lintRun} from './helpers/lint-run.js'

/*
 * Whole specs: every clean fixture lints clean under `recommended`, and every
 * `invalid/<rule-id>--<what>.md` is a clean spec with one thing broken: it gets
 * messages from that rule only, and they match `<name>.messages.txt`.
 */

const root = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), '..')
const rel = (path: string) => nodePath.relative(root, path).split(nodePath.sep).join('/')
const mdIn = (folder: string) =>
  fs
    .readdirSync(nodePath.join(root, folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${folder}/${name}`)

const clean = mdIn('fixtures/clean')
const invalid = mdIn('fixtures/invalid')
const read = (path: string) => ({path, value: fs.readFileSync(nodePath.join(root, path), 'utf8')})

/** `line:col-line:col severity reason rule-id`, one message per line. */
function snapshotOf(file: VFile): string {
  return file.messages
    .map((message) => {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'end' in place ? place.end : start
      const where = start && end ? `${start.line}:${start.column}-${end.line}:${end.column}` : '0:0-0:0'
      return `${where} ${message.fatal ? 'error' : 'warning'} ${message.reason} ${message.ruleId ?? ''}`
    })
    .join('\n')
    .concat('\n')
}

describe('clean fixtures', () => {
  it('includes a backend-api, a frontend and a hybrid spec', () => {
    expect(clean).toEqual(expect.arrayContaining(['fixtures/clean/backend-api.md', 'fixtures/clean/frontend.md', 'fixtures/clean/hybrid.md']))
  })

  it('lint clean under recommended, together as one run', async () => {
    const files = await lintRun(clean.map(read))
    for (const file of files) expect(snapshotOf(file), file.path).toBe('\n')
  })
})

describe('invalid fixtures', () => {
  it('has at least 25', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(25)
  })

  it.each(invalid)('%s', async (path) => {
    const id = nodePath.basename(path).split('--')[0] ?? ''
    const plugin = rulesById.get(id)
    expect(plugin, `\`${id}\` is not a rule id`).toBeDefined()
    // A cross-file rule compares the fixture with the clean specs, as one run.
    const others = plugin?.rule.checkRun ? clean.map(read) : []
    const files = await lintRun([...others, read(path)])
    const file = files[files.length - 1] as VFile
    const ids = file.messages.map((message) => message.ruleId)
    expect(ids.length, 'messages from the rule the fixture is named for').toBeGreaterThan(0)
    expect(new Set(ids), 'only that rule fires').toEqual(new Set([id]))
    await expect(snapshotOf(file)).toMatchFileSnapshot(nodePath.join(root, path.replace(/\.md$/, '.messages.txt')))
  })
})
