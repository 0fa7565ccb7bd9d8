import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from '../helpers/cli.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-config-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

const cases: Array<[name: string, file: string, config: string, expected: RegExp]> = [
  ['malformed JSON', '.speclintrc.json', '{"rules": {', /Cannot parse file `\.speclintrc\.json`/],
  ['malformed YAML', '.speclintrc.yaml', 'rules:\n  meta-type: [error\n', /Cannot parse file `\.speclintrc\.yaml`/],
  ['an unknown rule id', '.speclintrc.json', '{"rules": {"meta-colour": "error"}}', /Unknown rule `meta-colour` in `\.speclintrc\.json`/],
  [
    'a rule option of the wrong type',
    '.speclintrc.json',
    '{"rules": {"meta-type": ["error", {"types": "cli"}]}}',
    /Invalid options for spec-lint rule `meta-type`: `types`: .*\(in `\.speclintrc\.json`\)/
  ],
  [
    'an unknown rule option',
    '.speclintrc.json',
    '{"rules": {"meta-type": ["error", {"typo": 1}]}}',
    /Invalid options for spec-lint rule `meta-type`.*\(in `\.speclintrc\.json`\)/
  ],
  [
    'a bad severity',
    '.speclintrc.json',
    '{"rules": {"meta-type": ["loud"]}}',
    /Invalid severity for spec-lint rule `meta-type`|Invalid configuration in `\.speclintrc\.json`/
  ],
  ['rules that are not a map', '.speclintrc.json', '{"rules": 5}', /Invalid configuration in `\.speclintrc\.json` at `rules`/],
  ['a preset that does not exist', '.speclintrc.json', '{"extends": "strictest"}', /Unknown preset `strictest` in `\.speclintrc\.json`/],
  [
    'a plugin that throws when attached',
    '.speclintrc.mjs',
    "export default {plugins: [() => { throw new Error('boom') }]}",
    /Cannot run plugin `plugins\[0\]` from `\.speclintrc\.mjs`: boom/
  ],
  [
    'a plugin whose transformer throws',
    '.speclintrc.mjs',
    "export default {plugins: [function bad() { return () => { throw new Error('kaboom') } }]}",
    /Cannot run plugin `bad` from `\.speclintrc\.mjs`: kaboom/
  ],
  [
    'a plugin whose async transformer rejects',
    '.speclintrc.mjs',
    "export default {plugins: [[function later() { return async () => { throw new Error('late') } }, {}]]}",
    /Cannot run plugin `later` from `\.speclintrc\.mjs`: late/
  ],
  [
    'a plugin whose callback transformer fails',
    '.speclintrc.mjs',
    "export default {plugins: [function cb() { return (tree, file, next) => next(new Error('nope')) }]}",
    /Cannot run plugin `cb` from `\.speclintrc\.mjs`: nope/
  ],
  ['a config module that throws', '.speclintrc.mjs', "throw new Error('top-level')", /\.speclintrc\.mjs.*top-level|top-level.*\.speclintrc\.mjs/],
  ['a plugin name that does not resolve', '.speclintrc.json', '{"plugins": ["spec-lint-no-such-plugin"]}', /no-such-plugin/]
]

describe('bad configuration: one clear message naming the file', () => {
  it.each(cases)('%s', (name, file, config, expected) => {
    const folder = path.join(dir, name.replace(/\W+/g, '-'))
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(path.join(folder, 'a.md'), '# A\n')
    fs.writeFileSync(path.join(folder, file), config)
    const result = run(['a.md'], {cwd: folder})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(expected)
    expect(result.stderr).not.toMatch(/^\s+at .+[(:]\d+/m)
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !/^[✖⚠]/.test(line))
    expect(lines).toHaveLength(1)
  })

  it('--no-config skips a .speclintrc.mjs that would run code', () => {
    const folder = path.join(dir, 'no-config')
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(path.join(folder, 'a.md'), fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/clean/backend-api.md')))
    fs.writeFileSync(path.join(folder, '.speclintrc.mjs'), "import fs from 'node:fs'\nfs.writeFileSync('ran', 'yes')\nexport default {}\n")
    expect(run(['--no-config', 'a.md'], {cwd: folder})).toMatchObject({code: 0, stderr: ''})
    expect(fs.existsSync(path.join(folder, 'ran'))).toBe(false)
    run(['a.md'], {cwd: folder})
    expect(fs.existsSync(path.join(folder, 'ran')), 'without --no-config the module runs').toBe(true)
  })
})
