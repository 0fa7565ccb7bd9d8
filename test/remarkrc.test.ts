import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const broken = clean.replace('| Status | in-progress |', '| Status | In Progress |')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-remarkrc-'))
  // The project depends on spec-lint: resolve it from the temp folder as an installed package would.
  fs.mkdirSync(path.join(dir, 'node_modules'))
  fs.symlinkSync(root, path.join(dir, 'node_modules/spec-lint'), 'dir')
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

/** Run unified-engine as remark's CLI and language server do: plain remark-parse, `.remarkrc*` config. */
function runRemark(cwd: string): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified().use(remarkParse),
        cwd,
        files: ['specs/'],
        extensions: ['md'],
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        pluginPrefix: 'remark',
        out: false,
        streamError: new PassThrough(),
        reporter: () => ''
      },
      (error, _, context) => (error ? reject(error) : resolve(context?.files ?? []))
    )
  })
}

function project(name: string, config: Record<string, string>): string {
  const cwd = path.join(dir, name)
  fs.mkdirSync(path.join(cwd, 'specs'), {recursive: true})
  fs.writeFileSync(path.join(cwd, 'specs/a.md'), broken)
  // Its own promise: specs in one run must not share one (`completion-promise-unique`).
  fs.writeFileSync(path.join(cwd, 'specs/b.md'), clean.replaceAll('INVOICE_EXPORT_API_COMPLETE', 'OTHER_COMPLETE'))
  for (const [file, value] of Object.entries(config)) fs.writeFileSync(path.join(cwd, file), value)
  return cwd
}

function summary(files: VFile[]): string[] {
  return files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.source}/${m.ruleId} ${m.fatal ? 'error' : 'warning'}`)).sort()
}

describe('spec-lint from remark’s configuration (.remarkrc)', () => {
  it('a .remarkrc.mjs that imports the preset reports spec-lint messages', async () => {
    const cwd = project('mjs', {
      '.remarkrc.mjs': "import recommended from 'spec-lint/presets/recommended'\nexport default {plugins: [recommended]}\n"
    })
    expect(summary(await runRemark(cwd))).toEqual(['specs/a.md:9:12 spec-lint/meta-status error'])
  })

  it('a JSON .remarkrc naming a preset by module path does the same', async () => {
    const cwd = project('json', {
      '.remarkrc': '{"plugins": ["spec-lint/presets/recommended"]}\n'
    })
    expect(summary(await runRemark(cwd))).toEqual(['specs/a.md:9:12 spec-lint/meta-status error'])
  })
})
