import fs from 'node:fs'
import nodePath from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {generatedFiles, renderRuleDoc} from '../src/docs/generate.js'
import {docsBase} from '../src/rule.js'

const root = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), '..')

describe('generated docs', () => {
  const files = generatedFiles(root)

  it.each([...files.keys()])('%s matches the rule declarations (run `npm run docs`)', (path) => {
    const target = nodePath.join(root, path)
    const onDisk = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '(missing)'
    expect(onDisk).toBe(files.get(path))
  })

  it('has no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(nodePath.join(root, 'docs/rules')).filter((name) => name.endsWith('.md'))
    expect(pages.sort()).toEqual(rules.map((plugin) => `${plugin.rule.id}.md`).sort())
  })

  it('points message URLs at the generated pages', () => {
    expect(docsBase.endsWith('/docs/rules/')).toBe(true)
  })

  it('shows options with their defaults, and the fixed output of fixable rules', () => {
    const progress = rules.find((plugin) => plugin.rule.id === 'no-progress-in-spec')
    const required = rules.find((plugin) => plugin.rule.id === 'required-sections')
    if (!progress || !required) throw new Error('rules missing')
    expect(renderRuleDoc(progress.rule)).toContain('| `maxCodeLines` | integer | `20` |')
    expect(renderRuleDoc(required.rule)).toContain('Fixed:')
  })
})
