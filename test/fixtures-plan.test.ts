import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rulesById} from '../rules/index.js'
import {lint} from '../src/processor.js'
import {formatMessage} from './helpers/lint.js'

/*
 * Plan-rule fixtures: each whole spec breaks one thing, so under the
 * recommended preset only the rule its name starts with fires. (The shared
 * fixture harness does the same; drop this file when merging it.)
 */
const folder = path.resolve(import.meta.dirname, '../fixtures/invalid')
const planRules = new Set([...rulesById.values()].filter((plugin) => plugin.rule.category === 'plan').map((plugin) => plugin.rule.id))
const names = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.md') && planRules.has(name.split('--')[0] ?? ''))
  .sort()

describe('plan rule fixtures', () => {
  it('cover at least 13 specs', () => expect(names.length).toBeGreaterThanOrEqual(13))

  it.each(names)('%s fires only its rule', async (name) => {
    const value = fs.readFileSync(path.join(folder, name), 'utf8')
    const file = await lint(value, {path: `specs/${name}`})
    const id = name.split('--')[0]
    expect(file.messages.length).toBeGreaterThan(0)
    expect(file.messages.map((m) => `${m.ruleId} ${formatMessage(m)}`).filter((m) => !m.startsWith(`${id} `))).toEqual([])
    // Same snapshot format as the shared fixture harness.
    const snapshot = file.messages
      .map((m) => {
        const place = m.place
        const start = place && 'start' in place ? place.start : place
        const end = place && 'end' in place ? place.end : start
        return `${start?.line}:${start?.column}-${end?.line}:${end?.column} ${m.fatal ? 'error' : 'warning'} ${m.reason} ${m.ruleId}`
      })
      .join('\n')
      .concat('\n')
    expect(snapshot).toBe(fs.readFileSync(path.join(folder, name.replace(/\.md$/, '.messages.txt')), 'utf8'))
  })

  it('the clean backend spec has no plan message', async () => {
    const value = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/clean/backend-api.md'), 'utf8')
    const file = await lint(value, {path: 'specs/backend-api.md'})
    expect(file.messages.map(formatMessage)).toEqual([])
  })
})
