import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  InitializedNotification,
  InitializeRequest
} from 'vscode-languageserver-protocol/node.js'
import type {Diagnostic} from 'vscode-languageserver-protocol/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {formatSpec as formatDocument} from '../src/format/index.js'
import {serverBin, startServer, within} from './helpers/lsp-client.js'
import type {LspClient} from './helpers/lsp-client.js'

const root = path.resolve(import.meta.dirname, '..')
const clean = fs.readFileSync(path.join(root, 'fixtures/clean/backend-api.md'), 'utf8')
// Misspelt Status (fixable), no Skills section (not fixable), and a few lines
// a formatter rewrites: blank lines in a row and trailing spaces.
const broken = clean
  .replace('| Status | in-progress |', '| Status | In Progress |')
  .replace(/## Skills\n[\s\S]*?(?=## Requirements)/, '')
  .replace('## Requirements\n', '## Requirements   \n\n\n\n')

let dir: string
let client: LspClient
const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href

function open(relative: string, text: string): string {
  const file = uri(relative)
  void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: {uri: file, languageId: 'markdown', version: 1, text}
  })
  return file
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort()

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-lsp-'))
  fs.mkdirSync(path.join(dir, 'specs'))
  fs.mkdirSync(path.join(dir, 'configured/specs'), {recursive: true})
  fs.writeFileSync(path.join(dir, 'configured/.speclintrc.json'), JSON.stringify({rules: {'meta-status': 'off'}}))
  fs.writeFileSync(path.join(dir, '.speclintignore'), 'ignored/\n')
  client = startServer(dir)
  const result = await within(
    client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'specs'}],
      capabilities: {}
    }),
    15_000,
    'initialize'
  )
  expect(result.capabilities.documentFormattingProvider).toBe(true)
  expect(result.capabilities.codeActionProvider).toBeTruthy()
  await client.connection.sendNotification(InitializedNotification.type, {})
})

afterAll(async () => {
  await client?.close()
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('spec-lint-language-server (a real LSP client over stdio)', () => {
  it('is the package bin, and asks for a transport in one line when given none', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    expect(path.resolve(root, pkg.bin['spec-lint-language-server'] ?? '')).toBe(serverBin)
    const result = spawnSync(process.execPath, [serverBin], {encoding: 'utf8', timeout: 30_000, input: ''})
    expect(result.stderr).toMatch(/^spec-lint-language-server: missing transport; Usage: spec-lint-language-server --stdio/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.status).toBe(2)
  })

  it('publishes diagnostics with rule id, severity, source and docs URL', async () => {
    const file = open('specs/broken.md', broken)
    const {diagnostics} = await client.diagnostics(file)
    expect(codes(diagnostics)).toEqual(['meta-status', 'required-sections'])
    const status = diagnostics.find((d) => d.code === 'meta-status')
    expect(status).toMatchObject({
      message: 'Unexpected Status `In Progress`, expected `in-progress`',
      severity: DiagnosticSeverity.Error,
      source: 'spec-lint',
      range: {start: {line: 8, character: 11}, end: {line: 8, character: 22}},
      codeDescription: {href: expect.stringMatching(/\/docs\/rules\/meta-status\.md$/)}
    })
  })

  it('offers a quick fix that, applied, makes the diagnostic go away', async () => {
    const file = open('specs/fix.md', broken)
    const {diagnostics} = await client.diagnostics(file)
    const status = diagnostics.find((d) => d.code === 'meta-status') as Diagnostic
    const missing = diagnostics.find((d) => d.code === 'required-sections') as Diagnostic
    const actions = await within(
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: {uri: file},
        range: status.range,
        context: {diagnostics: [status, missing]}
      }),
      10_000,
      'code actions'
    )
    // Both messages are fixable: a replacement and an insertion.
    expect(actions?.map((a) => a.title)).toEqual(['Replace `In Progress` with `in-progress`', expect.stringMatching(/^Insert `## Skills ⏎ [^\n]*`$/)])
    const action = actions?.[0]
    expect(action).toMatchObject({kind: 'quickfix', isPreferred: true})
    const edits = action && 'edit' in action ? action.edit?.changes?.[file] : undefined
    expect(edits).toBeDefined()
    const fixed = TextDocument.applyEdits(TextDocument.create(file, 'markdown', 1, broken), edits ?? [])
    expect(fixed).toContain('| Status | in-progress |')

    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri: file, version: 2},
      contentChanges: [{text: fixed}]
    })
    const after = await client.diagnostics(file, (p) => p.version === 2)
    expect(codes(after.diagnostics)).toEqual(['required-sections'])
  })

  it('formats a document (even one with errors) to the formatter’s text', async () => {
    const file = open('specs/format.md', broken)
    await client.diagnostics(file)
    const expected = await formatDocument(broken)
    expect(expected).not.toBe(broken)
    const edits = await within(
      client.connection.sendRequest(DocumentFormattingRequest.type, {textDocument: {uri: file}, options: {tabSize: 2, insertSpaces: true}}),
      10_000,
      'formatting'
    )
    expect(edits).not.toBeNull()
    const formatted = TextDocument.applyEdits(TextDocument.create(file, 'markdown', 1, broken), edits ?? [])
    expect(formatted).toBe(expected)
  })

  it('reads .speclintrc* like the CLI and skips paths in .speclintignore', async () => {
    const configured = open('configured/specs/a.md', broken)
    expect(codes((await client.diagnostics(configured)).diagnostics)).toEqual(['required-sections'])
    const ignored = open('ignored/a.md', broken)
    expect((await client.diagnostics(ignored)).diagnostics).toEqual([])
  })

  it('reports an invalid configuration as one line, without a stack', async () => {
    fs.mkdirSync(path.join(dir, 'bad/specs'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'bad/.speclintrc.json'), JSON.stringify({rules: {'no-such-rule': 'error'}}))
    const file = open('bad/specs/a.md', broken)
    const {diagnostics} = await client.diagnostics(file)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]?.message).toMatch(
      /^Cannot load the spec-lint configuration: Cannot parse file `bad\/\.speclintrc\.json`: Unknown rule `no-such-rule` in `.*\.speclintrc\.json`; see `spec-lint --help` for the rule list$/
    )
    expect(diagnostics[0]?.severity).toBe(DiagnosticSeverity.Error)
    expect(client.stderr()).toBe('')
  })
})

describe('spec-lint-language-server keeps up with typing', () => {
  it('advertises incremental sync and lints a ranged edit like the whole text', async () => {
    const file = open('specs/incremental.md', broken)
    await client.diagnostics(file)
    // Fix the Status in place with a ranged edit, the way an editor sends a keystroke.
    const document = TextDocument.create(file, 'markdown', 1, broken)
    const at = broken.indexOf('In Progress')
    const range = {start: document.positionAt(at), end: document.positionAt(at + 'In Progress'.length)}
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri: file, version: 2},
      contentChanges: [{range, text: 'in-progress'}]
    })
    const after = await client.diagnostics(file, (p) => p.version === 2)
    expect(codes(after.diagnostics)).toEqual(['required-sections'])
  })

  it('publishes versions in order and ends on the last one after a burst of edits', async () => {
    const file = open('specs/burst.md', clean)
    await client.diagnostics(file, (p) => p.version === 1)
    let text = clean
    for (let version = 2; version <= 6; version++) {
      const document = TextDocument.create(file, 'markdown', version - 1, text)
      const at = text.indexOf('## Overview') + 2
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri: file, version},
        contentChanges: [{range: {start: document.positionAt(at), end: document.positionAt(at)}, text: 'x'}]
      })
      text = text.slice(0, at) + 'x' + text.slice(at)
    }
    await client.diagnostics(file, (p) => p.version === 6)
    const versions = client.published.filter((p) => p.uri === file).map((p) => p.version ?? 0)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(versions.at(-1)).toBe(6)
  })

  it('offers `source.fixAll` when asked for it, with every fix applied', async () => {
    const file = open('specs/fix-all.md', broken)
    await client.diagnostics(file)
    const actions = await within(
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: {uri: file},
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        context: {diagnostics: [], only: ['source.fixAll']}
      }),
      10_000,
      'fix all'
    )
    expect(actions?.map((a) => a.kind)).toEqual(['source.fixAll'])
    const action = actions?.[0]
    const edits = action && 'edit' in action ? action.edit?.changes?.[file] : undefined
    const fixed = TextDocument.applyEdits(TextDocument.create(file, 'markdown', 1, broken), edits ?? [])
    expect(fixed).toContain('| Status | in-progress |')
    expect(fixed).toContain('## Skills')
  })
})

describe('spec-lint-language-server on malformed framing', () => {
  const body = JSON.stringify({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}})

  it.each([
    [
      'a length that is not a number',
      `Content-Length: abc\r\n\r\n${body}`,
      /^spec-lint-language-server: Unexpected `Content-Length: abc`, expected a byte count/
    ],
    ['a negative length', `Content-Length: -5\r\n\r\n${body}`, /^spec-lint-language-server: Unexpected `Content-Length: -5`, expected a byte count/],
    [
      'no length',
      `Content-Type: application/json\r\n\r\n${body}`,
      /^spec-lint-language-server: Unexpected header `Content-Type: application\/json` without `Content-Length`/
    ]
  ])('exits with one line on %s', (_, input, reason) => {
    const result = spawnSync(process.execPath, [serverBin, '--stdio'], {encoding: 'utf8', timeout: 30_000, input})
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(reason)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('reads headers separated by a bare LF', () => {
    const result = spawnSync(process.execPath, [serverBin, '--stdio'], {
      encoding: 'utf8',
      timeout: 30_000,
      input: `Content-Length: ${Buffer.byteLength(body)}\n\n${body}`
    })
    expect(result.stdout).toMatch(/"id":1,"result":\{"capabilities":/)
    expect(result.stderr).toBe('')
  })
})
