import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {wantsRespawn} from '../src/cli/respawn.js'

const root = path.resolve(import.meta.dirname, '..')
const spec = path.join(root, 'fixtures/clean/backend-api.md')

describe('respawn with a larger young generation', () => {
  afterEach(() => {
    delete process.env.SPEC_LINT_NO_RESPAWN
  })

  it('is wanted for a folder, a glob or many files, not for a few files or flags', () => {
    expect(wantsRespawn([path.join(root, 'fixtures')])).toBe(true)
    expect(wantsRespawn(['specs/**/*.md'])).toBe(true)
    expect(wantsRespawn(Array.from({length: 50}, () => spec))).toBe(true)
    expect(wantsRespawn([spec, spec, '--report', 'json'])).toBe(false)
    expect(wantsRespawn([])).toBe(false)
  })

  it('is not wanted again in the respawned process', () => {
    process.env.SPEC_LINT_NO_RESPAWN = '1'
    expect(wantsRespawn([path.join(root, 'fixtures')])).toBe(false)
  })
})
