import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rulesById} from '../rules/index.js'
import {lint} from '../src/processor.js'
import {formatMessage} from './helpers/lint.js'

/*
 * Plan-rule fixtures: each whole spec breaks one thing, so under the
 * recommended preset only the rule its name starts with fires. (The shared
 * fixture harness snapshots the messages; this checks the one-rule claim.)
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
  })

  it('the clean backend spec has no plan message', async () => {
    const value = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/clean/backend-api.md'), 'utf8')
    const file = await lint(value, {path: 'specs/backend-api.md'})
    expect(file.messages.map(formatMessage)).toEqual([])
  })
})
