import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {run} from './helpers/cli.js'

const root = path.resolve(import.meta.dirname, '..')
interface Hook {
  id: string
  entry: string
  language: string
  files: string
  require_serial?: boolean
}
const hooks = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[]
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-hooks-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

/** The hook's entry as pre-commit runs it: its arguments, then the staged file names. */
function runEntry(hook: Hook, files: string[], cwd: string) {
  const [command, ...args] = hook.entry.split(/\s+/)
  expect(command).toBe('spec-lint')
  return run([...args, ...files], {cwd})
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares spec-lint and spec-lint-fix: node, specs/*.md, serial', () => {
    expect(hooks.map((h) => h.id)).toEqual(['spec-lint', 'spec-lint-fix'])
    for (const hook of hooks) {
      expect(hook).toMatchObject({language: 'node', files: '^specs/.*\\.md$', require_serial: true})
      const files = new RegExp(hook.files)
      expect(['specs/auth.md', 'specs/team/auth.md'].every((f) => files.test(f))).toBe(true)
      expect(['notes/auth.md', 'specs/auth.txt', 'docs/specs/auth.md'].some((f) => files.test(f))).toBe(false)
    }
    expect(hooks[1]?.entry).toMatch(/^spec-lint --fix\b/)
  })

  it('the spec-lint entry passes staged files that .speclintignore lists, silently', () => {
    const hook = hooks[0] as Hook
    fs.mkdirSync(path.join(dir, 'specs'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'specs/draft.md'), '# Draft\n')
    fs.writeFileSync(path.join(dir, 'specs/auth.md'), clean)
    fs.writeFileSync(path.join(dir, '.speclintignore'), 'specs/draft.md\n')
    expect(runEntry(hook, ['specs/draft.md'], dir)).toMatchObject({code: 0, stdout: '', stderr: ''})
    expect(runEntry(hook, ['specs/draft.md', 'specs/auth.md'], dir)).toMatchObject({code: 0, stderr: ''})
    fs.writeFileSync(path.join(dir, '.speclintignore'), '')
    const linted = runEntry(hook, ['specs/draft.md'], dir)
    expect(linted.stderr).toMatch(/^specs\/draft\.md:\d+:\d+/m)
    expect(linted.code).toBe(1)
  })
})
