import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CodeActionRequest, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest} from 'vscode-languageserver-protocol/node.js'
import type {Diagnostic} from 'vscode-languageserver-protocol/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {parseSpec} from '../src/parse/index.js'
import {run} from './helpers/cli.js'
import {startServer, within} from './helpers/lsp-client.js'

// A file that starts with a byte order mark reads as the same spec as one
// without: every command goes through parseSpec, so offsets agree with the text.
const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
const misspelt = clean.replace('| Status | in-progress |', '| Status | In Progress |')
const bom = '\ufeff'

let dir: string
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
  fs.writeFileSync(path.join(dir, name), text)
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-bom-'))
  write('plain/specs/api.md', misspelt)
  write('bom/specs/api.md', bom + misspelt)
  if (misspelt === clean) throw new Error('the fixture no longer has the Status row this test misspells')
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('a spec that starts with a byte order mark', () => {
  it('has the same model in the API, offsets counted in the text the tree was parsed from', () => {
    const plain = parseSpec(misspelt)
    const marked = parseSpec(bom + misspelt)
    expect(marked.file.data.bom).toBe(true)
    expect(marked.spec).toEqual(plain.spec)
    const status = marked.spec.meta?.rows.find((row) => row.field === 'Status')
    expect(status).toBeDefined()
    const start = status?.position.start.offset ?? -1
    expect(String(marked.file.value).slice(start, start + 8)).toBe('| Status')
  })

  for (const command of [['model'], ['plan', '--json'], ['status', '--json']]) {
    it(`prints the same output for \`spec-lint ${command.join(' ')}\``, () => {
      const plain = run([...command, 'specs/api.md'], {cwd: path.join(dir, 'plain')})
      const marked = run([...command, 'specs/api.md'], {cwd: path.join(dir, 'bom')})
      expect(marked.stderr).toBe(plain.stderr)
      expect(marked.stdout).toBe(plain.stdout)
      expect(marked.code).toBe(plain.code)
      expect(plain.stdout.length).toBeGreaterThan(0)
    })
  }

  it('is fixed at the right offsets by --fix, and keeps its byte order mark', () => {
    write('fix-plain/specs/api.md', misspelt)
    write('fix-bom/specs/api.md', bom + misspelt)
    run(['--fix', 'specs/api.md'], {cwd: path.join(dir, 'fix-plain')})
    run(['--fix', 'specs/api.md'], {cwd: path.join(dir, 'fix-bom')})
    const plain = fs.readFileSync(path.join(dir, 'fix-plain/specs/api.md'), 'utf8')
    const marked = fs.readFileSync(path.join(dir, 'fix-bom/specs/api.md'), 'utf8')
    expect(plain).toContain('| Status | in-progress |')
    expect(marked).toBe(bom + plain)
  })

  it('gets the same diagnostics and quick fix from the language server', async () => {
    const client = startServer(dir)
    try {
      await within(
        client.connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}}),
        15_000,
        'initialize'
      )
      await client.connection.sendNotification(InitializedNotification.type, {})
      const results: Array<{diagnostics: Diagnostic[]; fixed: string}> = []
      for (const [name, text] of [
        ['plain/specs/api.md', misspelt],
        ['bom/specs/api.md', bom + misspelt]
      ] as const) {
        const uri = pathToFileURL(path.join(dir, name)).href
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {uri, languageId: 'markdown', version: 1, text}
        })
        const {diagnostics} = await client.diagnostics(uri)
        const status = diagnostics.find((d) => d.code === 'meta-status') as Diagnostic
        const actions = await within(
          client.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: status.range, context: {diagnostics: [status]}}),
          10_000,
          'code actions'
        )
        const action = actions?.[0]
        const edits = action && 'edit' in action ? (action.edit?.changes?.[uri] ?? []) : []
        results.push({diagnostics, fixed: TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits)})
      }
      const [plain, marked] = results
      expect(marked?.diagnostics).toEqual(plain?.diagnostics)
      expect(plain?.fixed).toContain('| Status | in-progress |')
      expect(marked?.fixed).toBe(bom + (plain?.fixed ?? ''))
    } finally {
      await client.close()
    }
  })
})
