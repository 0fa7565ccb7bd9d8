import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  Range,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit
} from 'vscode-languageserver/node.js'
import type {Connection, Diagnostic} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {quickFixTitle} from '../report/quick-fix.js'
import {fixText, inLineEnding} from '../edit/apply.js'
import type {Edit} from '../edit/apply.js'
import {formatSpec} from '../format/index.js'
import {source} from '../rule.js'
import {isIgnored, SetupCache} from './configured.js'
import type {Setup} from './configured.js'
import {toDiagnostic} from './diagnostics.js'
import {LintCancelled, lintParsed} from './lint-document.js'
import {reparse} from './reparse.js'
import {createModelReuse} from '../model/build.js'
import {setMemoCapacity} from '../model/memo.js'
import type {ModelReuse} from '../model/build.js'
import type {ParsedText} from './reparse.js'

export interface ServerOptions {
  /** Quiet time after an edit before linting, so a burst of keystrokes is linted once (ms). */
  debounce?: number
}

interface DocumentState {
  parsed?: ParsedText
  model: ModelReuse
  timer?: NodeJS.Timeout
  running: boolean
  again: boolean
}

/** Where a document is linted from: its workspace folder, else the closest package or repository, else its folder. */
function cwdOf(filePath: string, workspaces: readonly string[]): string {
  const folder = workspaces.filter((w) => filePath.startsWith(w + path.sep)).sort((a, b) => b.length - a.length)[0]
  if (folder) return folder
  let directory = path.dirname(filePath)
  for (;;) {
    if (fs.existsSync(path.join(directory, 'package.json')) || fs.existsSync(path.join(directory, '.git'))) return directory
    const parent = path.dirname(directory)
    if (parent === directory) return path.dirname(filePath)
    directory = parent
  }
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/**
 * The spec-lint language server on a vscode-languageserver connection:
 * incremental sync; each document is linted after a short quiet time, one
 * run at a time, and only its latest version's diagnostics are published
 * (a run that finds a newer version drops its result and lints again);
 * only the blocks an edit touched are parsed again. Quick fixes come from
 * each message's `expected`, `source.fixAll` applies every fix, and the
 * formatter runs only when formatting is asked for.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Changes an editor sends together arrive within a millisecond; a burst of keystrokes is caught by cancelling stale runs.
  const debounce = options.debounce ?? 1
  // The same sentences come back on every keystroke: room for a 5,000-line spec's.
  setMemoCapacity(10_000)
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const workspaces = new Set<string>()
  const setups = new SetupCache()
  let configurationCapability = false

  const stateOf = (uri: string): DocumentState => {
    let state = states.get(uri)
    if (!state) {
      state = {running: false, again: false, model: createModelReuse()}
      states.set(uri, state)
    }
    return state
  }

  function schedule(uri: string, delay = debounce): void {
    const state = stateOf(uri)
    clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void check(uri)
    }, delay)
  }

  /** The file a document is linted as, and the rules for it; undefined when ignored. */
  async function prepare(document: TextDocument): Promise<{file: VFile; setup: Setup | undefined} | undefined> {
    const filePath = filePathOf(document.uri)
    const roots = [...workspaces].map((w) => filePathOf(w)).filter((w): w is string => w !== undefined)
    const cwd = filePath ? cwdOf(filePath, roots) : process.cwd()
    const file = new VFile({value: document.getText(), cwd, path: filePath ?? path.join(cwd, 'untitled.md')})
    if (filePath && isIgnored(filePath)) return undefined
    try {
      return {file, setup: await setups.get(file.path, cwd)}
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error))
      file.message('Cannot load the spec-lint configuration', {source, ruleId: 'config', cause}).fatal = true
      return {file, setup: undefined}
    }
  }

  async function check(uri: string): Promise<void> {
    const state = stateOf(uri)
    if (state.running) {
      state.again = true
      return
    }
    const document = documents.get(uri)
    if (!document) return
    state.running = true
    const version = document.version
    let diagnostics: Diagnostic[] | undefined
    try {
      const prepared = await prepare(document)
      if (documents.get(uri)?.version === version) {
        if (!prepared) diagnostics = []
        else {
          const {file, setup} = prepared
          if (setup) {
            state.parsed = reparse(state.parsed, file)
            await lintParsed(state.parsed, file, setup.plugins, setup.settings, {reuse: state.model, stale: () => documents.get(uri)?.version !== version})
          }
          diagnostics = file.messages.map((message) => toDiagnostic(message, uri, file.cwd))
        }
      }
    } catch (error) {
      if (error instanceof LintCancelled) {
        // Given up for a newer version: the parse and the model are that of a complete version, and stay.
        diagnostics = undefined
      } else {
        state.parsed = undefined
        state.model = createModelReuse()
        const reason = error instanceof Error ? error.message : String(error)
        connection.console.error(`spec-lint: cannot lint ${uri}: ${reason.split('\n')[0] ?? ''}`)
      }
    } finally {
      state.running = false
    }
    const current = documents.get(uri)
    if (diagnostics && current?.version === version) void connection.sendDiagnostics({uri, version, diagnostics})
    // A newer version arrived meanwhile: its own timer lints it, or this run's end does.
    if (current && (state.again || current.version !== version)) {
      state.again = false
      if (!state.timer) schedule(uri, 0)
    }
  }

  async function lintText(document: TextDocument, text: string): Promise<VFile | undefined> {
    const prepared = await prepare(TextDocument.create(document.uri, document.languageId, document.version, text))
    if (!prepared?.setup) return undefined
    const {file, setup} = prepared
    await lintParsed(reparse(undefined, file), file, setup.plugins, setup.settings)
    return file
  }

  connection.onInitialize((event) => {
    for (const folder of event.workspaceFolders ?? []) workspaces.add(folder.uri.replace(/\/$/, ''))
    if (workspaces.size === 0 && event.rootUri) workspaces.add(event.rootUri.replace(/\/$/, ''))
    configurationCapability = Boolean(event.capabilities.workspace?.configuration)
    const folders = Boolean(event.capabilities.workspace?.workspaceFolders)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        documentFormattingProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll]},
        workspace: folders ? {workspaceFolders: {supported: true, changeNotifications: true}} : undefined
      },
      serverInfo: {name: 'spec-lint-language-server'}
    }
  })

  connection.onInitialized(() => {
    if (configurationCapability) void connection.client.register(DidChangeConfigurationNotification.type)
  })

  const recheckAll = () => {
    setups.clear()
    for (const document of documents.all()) schedule(document.uri, 0)
  }
  connection.onDidChangeWatchedFiles(recheckAll)
  connection.onDidChangeConfiguration(recheckAll)

  // Fired on open and on every change: a document opened is linted at once.
  documents.onDidChangeContent((event) => schedule(event.document.uri, states.get(event.document.uri)?.parsed ? debounce : 0))
  documents.onDidClose((event) => {
    const state = states.get(event.document.uri)
    clearTimeout(state?.timer)
    states.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onDocumentFormatting((event) => {
    const document = documents.get(event.textDocument.uri)
    if (!document) return null
    const text = document.getText()
    let formatted: string
    try {
      formatted = formatSpec(text)
    } catch {
      // A document the formatter refuses (too large, binary) is left as it is.
      return null
    }
    if (formatted === text) return []
    return [TextEdit.replace(Range.create(document.positionAt(0), document.positionAt(text.length)), formatted)]
  })

  connection.onCodeAction(async (event) => {
    const document = documents.get(event.textDocument.uri)
    if (!document) return null
    const only = event.context.only
    const asked = (kind: string) => only?.some((wanted) => kind === wanted || kind.startsWith(wanted + '.')) ?? false
    const actions: CodeAction[] = []
    if (!only || asked(CodeActionKind.QuickFix)) actions.push(...quickFixes(document, event.context.diagnostics))
    // Fixing everything lints the document once per pass: only when asked by kind (fix on save, "Source Action…").
    if (asked(CodeActionKind.SourceFixAll)) {
      const text = document.getText()
      const fixed = await fixText(text, async (value) => (await lintText(document, value)) ?? new VFile({value}))
      if (fixed.text !== text) {
        const edit = TextEdit.replace(Range.create(document.positionAt(0), document.positionAt(text.length)), fixed.text)
        actions.push(CodeAction.create('Fix all spec-lint problems', {changes: {[document.uri]: [edit]}}, CodeActionKind.SourceFixAll))
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
}

/** One quick fix per `expected` value of each diagnostic, titled as unified-language-server titles them, on one line. */
function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = []
  for (const diagnostic of diagnostics) {
    const data: unknown = diagnostic.data
    const expected = typeof data === 'object' && data !== null && 'expected' in data ? data.expected : undefined
    if (!Array.isArray(expected)) continue
    const {start, end} = diagnostic.range
    const actual = document.getText(diagnostic.range)
    const text = document.getText()
    for (const replacement of expected) {
      if (typeof replacement !== 'string') continue
      // In the document's line ending: a CRLF file stays CRLF.
      const [edit] = inLineEnding([{start: 0, end: 0, text: replacement, ruleId: undefined} satisfies Edit], text)
      const value = edit?.text ?? replacement
      // One line in the editor's menu, however many lines the fix inserts.
      const empty = start.line === end.line && start.character === end.character
      const title = quickFixTitle(empty ? '' : actual, replacement)
      const action = CodeAction.create(title, {changes: {[document.uri]: [TextEdit.replace(diagnostic.range, value)]}}, CodeActionKind.QuickFix)
      if (expected.length === 1) action.isPreferred = true
      actions.push(action)
    }
  }
  return actions
}
