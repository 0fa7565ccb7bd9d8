import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rulesById} from '../rules/index.js'
import {lint} from '../src/engine/lint.js'

/* The plan rules over the real specs in ../shared/corpus (skipped when it is absent). */
const corpus = process.env.SPEC_LINT_CORPUS ?? path.resolve(import.meta.dirname, '../../shared/corpus')
const specs = path.join(corpus, 'specs')
const planRules = new Set([...rulesById.values()].filter((plugin) => plugin.rule.category === 'plan').map((plugin) => plugin.rule.id))

async function planMessages(name: string): Promise<string[]> {
  const value = fs.readFileSync(path.join(specs, name), 'utf8')
  const file = await lint(value, {path: `specs/${name}`})
  return file.messages.filter((m) => planRules.has(m.ruleId ?? '')).map((m) => `${m.line}:${m.column} ${m.ruleId}`)
}

describe.runIf(fs.existsSync(specs))('plan rules on the corpus', () => {
  it('leave the canonical JWT example without any message', async () => {
    const value = fs.readFileSync(path.join(specs, 'template-v3-example-jwt-auth.md'), 'utf8')
    const file = await lint(value, {path: 'specs/template-v3-example-jwt-auth.md'})
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} ${m.ruleId}`)).toEqual([])
  })

  it.each(['execution-plan-fragment.md', 'template-v1-example.md', 'template-v2-example.md'])('find nothing in the plan of %s', async (name) => {
    expect(await planMessages(name)).toEqual([])
  })

  it('report what the Fight Hub spec lacks, once per habit: chunk tables, chunk fields, checkboxes, too many chunks', async () => {
    const messages = await planMessages('fight-hub-gym-website.md')
    const counts: Record<string, number> = {}
    for (const message of messages) {
      const id = message.split(' ')[1] as string
      counts[id] = (counts[id] ?? 0) + 1
    }
    // One habit, one message: no chunk tables, no Outcome/Skills lines, no checkboxes, each once on the
    // plan; 16 of the 17 chunks lack a sub-task; 17 chunks > 10; Phase 6 is client to-dos, not chunks.
    expect(counts).toEqual({'chunk-table': 1, 'chunk-fields': 17, 'chunk-checkbox': 1, 'chunk-count': 1, 'execution-plan-structure': 1})
  })
})
