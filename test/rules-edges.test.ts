import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {isCommand} from '../rules/acceptance-criteria.js'
import {rulesById} from '../rules/index.js'
import remarkSpec from '../src/model/plugin.js'
import {specProcessor} from '../src/parse/processor.js'
import {lint} from '../src/engine/lint.js'
import {run} from './helpers/cli.js'

/** Run one rule on a file that has no path (stdin, an editor buffer). */
async function pathless(id: string, value: string) {
  const plugin = rulesById.get(id)
  if (!plugin) throw new Error(`no rule ${id}`)
  const file = new VFile({value})
  const processor = specProcessor().use(remarkGfm).use(remarkSpec).use(plugin, ['error'])
  await processor.run(processor.parse(file), file)
  return file.messages
}

describe('rules on files without a path or a run', () => {
  it('`reference-files-exist` and `spec-location` skip a pathless file', async () => {
    const spec = '# T\n\n## Reference Files\n\n- `src/nowhere.py` — missing\n'
    expect(await pathless('reference-files-exist', spec)).toEqual([])
    expect(await pathless('spec-location', spec)).toEqual([])
  })

  it('`reference-files-exist` skips a spec with no repository root above it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-noroot-'))
    const plugin = rulesById.get('reference-files-exist')
    if (!plugin) throw new Error('missing rule')
    const file = await lint('# T\n\n## Reference Files\n\n- `src/nowhere.py` — missing\n', {
      path: path.join(folder, 'specs', 'a.md'),
      preset: {plugins: [remarkGfm, remarkSpec, [plugin, ['error']]]}
    })
    // The temp folder normally has no `.git` or `package.json` above it; if it does, the path is checked there.
    let root: string | undefined
    for (let dir = folder; root === undefined; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git')) || fs.existsSync(path.join(dir, 'package.json'))) root = dir
      if (path.dirname(dir) === dir) break
    }
    expect(file.messages.length).toBe(root === undefined ? 0 : 1)
    fs.rmSync(folder, {recursive: true, force: true})
  })

  it('`completion-promise-unique` compares nothing when a file is linted alone', async () => {
    const file = await lint('# A\n\n## Completion Promise\n\n<promise>A_COMPLETE</promise>\n')
    expect(file.messages.filter((m) => m.ruleId === 'completion-promise-unique')).toEqual([])
  })
})

describe('completion-promise-unique in the CLI', () => {
  it('reports both files of one run, each naming the other, and honours disable comments', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-unique-'))
    const body = (title: string, extra = '') => `# ${title}\n\n${extra}## Completion Promise\n\n<promise>SHARED_COMPLETE</promise>\n`
    fs.writeFileSync(path.join(folder, 'a.md'), body('A'))
    fs.writeFileSync(path.join(folder, 'b.md'), body('B', 'Text.\n\n'))
    fs.writeFileSync(path.join(folder, 'c.md'), body('C', '<!-- spec-lint disable completion-promise-unique -->\n\n'))
    const result = run(['--no-config', 'a.md', 'b.md', 'c.md'], {cwd: folder})
    const lines = result.stdout
      .concat(result.stderr)
      .split('\n')
      .filter((line) => line.includes('completion-promise-unique'))
      .map((line) => line.replace(/\s+/g, ' ').trim())
    expect(lines).toEqual([
      'a.md:5:10-5:25 error Unexpected promise `SHARED_COMPLETE` also used by `b.md:7`, `c.md:7`, expected a promise unique to this spec completion-promise-unique',
      'b.md:7:10-7:25 error Unexpected promise `SHARED_COMPLETE` also used by `a.md:5`, `c.md:7`, expected a promise unique to this spec completion-promise-unique'
    ])
    fs.rmSync(folder, {recursive: true, force: true})
  })
})

describe('what `acceptance-criteria` counts as a runnable command', () => {
  it.each([
    ['pytest tests/auth/', true],
    ['npm run typecheck && npm run build', true],
    ['ruff check src/', true],
    ['make', true],
    ['./scripts/check.sh', true],
    ['lib/site/timetable.ts', false],
    ['POST /auth/login', false],
    ['@thepadguy', false],
    ['#', false],
    ['src/middleware/', false],
    ['./src/app.py', false]
  ])('%s → %s', (code, expected) => {
    expect(isCommand(code)).toBe(expected)
  })
})
