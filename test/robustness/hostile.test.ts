import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from '../helpers/cli.js'
import {hostileCases} from './hostile-cases.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-hostile-'))
})
afterAll(() => {
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o755)
  fs.rmSync(dir, {recursive: true, force: true})
})

const stackLine = /^\s+at .+[(:]\d+/m

describe('hostile files through the CLI', () => {
  for (const hostile of hostileCases) {
    const reason = hostile.skip?.()
    it.skipIf(reason !== undefined)(`${hostile.name}${reason ? ` (skipped: ${reason})` : ''}`, () => {
      const args = hostile.setup(dir) ?? []
      const result = run(args, {cwd: dir})
      expect(result.code, result.stderr.slice(0, 500)).toBe(hostile.code)
      expect(result.stderr).not.toMatch(stackLine)
      expect(result.stderr).not.toMatch(/Maximum call stack|heap out of memory/)
      if (hostile.refused) {
        expect(result.stderr).toMatch(hostile.refused)
        // One message for the file, then the summary.
        expect(
          result.stderr
            .trim()
            .split('\n')
            .filter((line) => line.trim() !== '' && !/^[✖⚠]/.test(line))
        ).toHaveLength(1)
      } else {
        expect(result.stderr).toMatch(/ error /)
      }
    })
  }

  it('lints a large spec once --max-size raises the limit', () => {
    const value = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/clean/backend-api.md'), 'utf8')
    const name = 'raised.md'
    fs.writeFileSync(path.join(dir, name), value + '\n' + '- padding words for size\n'.repeat(400))
    expect(run(['--max-size', '8kb', name], {cwd: dir})).toMatchObject({code: 1, stderr: expect.stringMatching(/file-too-large/)})
    const raised = run(['--max-size', '1mb', name], {cwd: dir})
    expect(raised.stderr).not.toMatch(/file-too-large/)
    expect(raised.code).toBe(0)
  })

  it('rejects a malformed --max-size in one line', () => {
    expect(run(['--max-size', 'lots', 'a.md'], {cwd: dir})).toMatchObject({
      code: 2,
      stderr: 'spec-lint: Unexpected `--max-size` value `lots`, expected a size such as `10mb`, `512kb` or a byte count\n'
    })
    expect(run(['--max-size', '999gb', 'a.md'], {cwd: dir}).stderr).toMatch(
      /^spec-lint: Unexpected `--max-size` of 999 GB|^spec-lint: Unexpected `--max-size` of \d+/
    )
  })

  it('refuses the same inputs in `spec-lint model`', () => {
    fs.writeFileSync(path.join(dir, 'model-deep.md'), '>'.repeat(1000) + ' x\n')
    expect(run(['model', 'model-deep.md'], {cwd: dir})).toMatchObject({
      code: 1,
      stderr: 'spec-lint: model-deep.md:1:1: Unexpected 1000 nested lists or block quotes, expected at most 64\n'
    })
  })
})
