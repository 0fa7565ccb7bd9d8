/**
 * Language-server latency, measured by a stdio client of its own: open a
 * generated spec, then time didChange → publishDiagnostics for that version
 * over one-character edits to a sub-task line (ranged edits when the server
 * advertises incremental sync, the whole text otherwise), the server's CPU
 * per edit (from /proc), and a burst of keystrokes 30 ms apart → the last
 * version's diagnostics.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind
} from 'vscode-languageserver-protocol/node.js'
import type {PublishDiagnosticsParams, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'

export interface LspFigures {
  lines: number
  /** Every didChange → diagnostics latency, ms. */
  latencies: number[]
  median: number
  /** Latencies of the edits typed after those, once the server's code is warm (JIT-compiled), ms. */
  warmLatencies: number[]
  /** Server CPU (user + sys) per edit, ms. */
  cpuPerEdit: number | null
  /** The burst's last keystroke → its version's diagnostics, ms, per burst. */
  bursts: number[]
  /** Versions published during the bursts besides each burst's last (linted and sent in vain). */
  staleBurstPublishes: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A server that never publishes a version must not wedge the bench: give up after two minutes. */
function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no diagnostics for ${what} within 120 s`)), 120_000)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function cpuOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return null
  }
}

/** Lines starting a sub-task (`- [ ] …`, `  - …`) in the middle third of the document. */
function subTaskLines(document: TextDocument): number[] {
  const lines = document.getText().split(/\r?\n/)
  const picked: number[] = []
  for (let line = Math.floor(lines.length / 3); line < lines.length && picked.length < 40; line++) {
    if (/^\s*- (\[[ x]\] )?\S/.test(lines[line] ?? '')) picked.push(line)
  }
  return picked
}

export async function measureLsp(serverBin: string, specPath: string, edits = 10, bursts = 3, warmEdits = 20): Promise<LspFigures> {
  const workspace = path.dirname(path.dirname(path.resolve(specPath)))
  const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd: workspace, stdio: 'pipe'})
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiting = new Map<number, (at: number) => void>()
  const published: PublishDiagnosticsParams[] = []
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now()
    published.push(params)
    const resolve = params.version === undefined ? undefined : waiting.get(params.version)
    if (resolve && params.version !== undefined) {
      waiting.delete(params.version)
      resolve(at)
    }
  })
  connection.listen()
  const root = pathToFileURL(workspace).href
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{uri: root, name: 'bench'}],
    capabilities: {}
  })
  await connection.sendNotification(InitializedNotification.type, {})
  const sync = init.capabilities.textDocumentSync
  const kind = typeof sync === 'number' ? sync : sync?.change
  const incremental = kind === TextDocumentSyncKind.Incremental

  const uri = pathToFileURL(path.resolve(specPath)).href
  let document = TextDocument.create(uri, 'markdown', 1, fs.readFileSync(specPath, 'utf8'))
  const published1 = new Promise<number>((resolve) => waiting.set(1, resolve))
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'markdown', version: 1, text: document.getText()}})
  await bounded(published1, 'the opened document')
  const targets = subTaskLines(document)

  /** Type one character at the end of a sub-task line; resolves when it is sent. */
  async function type(index: number): Promise<number> {
    const line = targets[index % targets.length] ?? 0
    const end = document.offsetAt({line: line + 1, character: 0}) - 1
    const position = document.positionAt(Math.max(0, end))
    const change: TextDocumentContentChangeEvent = {range: {start: position, end: position}, text: 'x'}
    const version = document.version + 1
    document = TextDocument.update(document, [change], version)
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: [incremental ? change : {text: document.getText()}]
    })
    return version
  }

  const latencies: number[] = []
  const cpuStart = cpuOf(child.pid ?? 0)
  for (let index = 0; index < edits; index++) {
    const version = document.version + 1
    const done = new Promise<number>((resolve) => waiting.set(version, resolve))
    const sent = performance.now()
    await type(index)
    latencies.push((await bounded(done, `version ${version}`)) - sent)
    await sleep(50)
  }
  const cpuEnd = cpuOf(child.pid ?? 0)
  const warmLatencies: number[] = []
  for (let index = 0; index < warmEdits; index++) {
    const version = document.version + 1
    const done = new Promise<number>((resolve) => waiting.set(version, resolve))
    const sent = performance.now()
    await type(edits + index)
    warmLatencies.push((await bounded(done, `version ${version}`)) - sent)
    await sleep(50)
  }

  const burstFigures: number[] = []
  let stale = 0
  for (let burst = 0; burst < bursts; burst++) {
    const from = published.length
    const last = document.version + 5
    const done = new Promise<number>((resolve) => waiting.set(last, resolve))
    let sent = 0
    for (let key = 0; key < 5; key++) {
      if (key > 0) await sleep(30)
      sent = performance.now()
      await type(edits + warmEdits + burst * 5 + key)
    }
    burstFigures.push((await bounded(done, `version ${last}`)) - sent)
    // Anything the slowest server still sends for this burst arrives before the next one starts.
    await sleep(300)
    stale += published.slice(from).filter((p) => p.uri === uri && p.version !== last).length
  }

  await connection.sendRequest('shutdown')
  await connection.sendNotification('exit')
  connection.dispose()
  child.kill()
  return {
    lines: document.lineCount,
    latencies,
    median: median(latencies),
    warmLatencies,
    cpuPerEdit: cpuStart === null || cpuEnd === null ? null : (cpuEnd - cpuStart) / edits,
    bursts: burstFigures,
    staleBurstPublishes: stale
  }
}
