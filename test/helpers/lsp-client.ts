import {spawn} from 'node:child_process'
import type {ChildProcessWithoutNullStreams} from 'node:child_process'
import path from 'node:path'
import {createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node.js'
import type {ProtocolConnection, PublishDiagnosticsParams} from 'vscode-languageserver-protocol/node.js'

export const serverBin = path.resolve(import.meta.dirname, '../../dist/src/lsp/bin.js')

/** Reject after `ms`: every wait on the server is bounded. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export interface LspClient {
  connection: ProtocolConnection
  child: ChildProcessWithoutNullStreams
  stderr: () => string
  /** Every diagnostics notification received so far, in order. */
  published: PublishDiagnosticsParams[]
  /** The next diagnostics for `uri` that satisfy `test` (already received ones count). */
  diagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>
  close(): Promise<void>
}

/** Spawn the built language server over stdio and connect a protocol client to it. */
export function startServer(cwd: string): LspClient {
  const child = spawn(process.execPath, [serverBin, '--stdio'], {cwd, stdio: 'pipe'})
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => {
    errors += String(chunk)
  })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const received: PublishDiagnosticsParams[] = []
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<{uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void}> = []
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params)
    const waiter = waiters.find((w) => w.uri === params.uri && w.test(params))
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(params)
    } else received.push(params)
  })
  connection.listen()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    connection,
    child,
    stderr: () => errors,
    published,
    diagnostics(uri, test = () => true) {
      const index = received.findIndex((p) => p.uri === uri && test(p))
      if (index !== -1) return Promise.resolve(received.splice(index, 1)[0] as PublishDiagnosticsParams)
      return within(new Promise((resolve) => waiters.push({uri, test, resolve})), 15_000, `diagnostics for ${uri}`)
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await within(connection.sendRequest('shutdown'), 5000, 'shutdown')
          await connection.sendNotification('exit')
          await within(exited, 5000, 'the server to exit')
        } catch {
          child.kill('SIGKILL')
          await exited
        }
      }
      connection.dispose()
    }
  }
}
