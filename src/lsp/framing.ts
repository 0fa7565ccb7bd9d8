import {PassThrough} from 'node:stream'
import type {Readable} from 'node:stream'

/** Larger than any document the limits let through, with room for JSON escaping. */
const maxBody = 256 * 1024 * 1024
const maxHeader = 8 * 1024

/**
 * LSP base-protocol framing, checked before vscode-jsonrpc sees a byte. Its
 * reader waits forever on a `Content-Length` it cannot read (`abc`, `-5`,
 * none at all), so a client that frames wrong gets a server that says
 * nothing. Here each frame is validated and passed on in canonical form;
 * header lines separated by a bare LF are accepted, anything else ends the
 * stream with `onMalformed(reason)`.
 */
export function checkedFrames(input: Readable, onMalformed: (reason: string) => void): Readable {
  const output = new PassThrough()
  let buffer: Buffer = Buffer.alloc(0)
  let body: number | undefined
  let stopped = false

  function stop(reason: string) {
    stopped = true
    input.off('data', onData)
    onMalformed(reason)
    output.end()
  }

  function onData(chunk: Buffer) {
    if (stopped) return
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
    for (;;) {
      if (body === undefined) {
        const end = headerEnd(buffer)
        if (!end) {
          if (buffer.length > maxHeader)
            stop('Unexpected header of more than 8 KB without an empty line, expected `Content-Length: <bytes>` and `\\r\\n\\r\\n`')
          return
        }
        const header = buffer.subarray(0, end.at).toString('ascii')
        buffer = buffer.subarray(end.at + end.length)
        const length = contentLength(header)
        if (typeof length === 'string') return stop(length)
        body = length
      }
      if (buffer.length < body) return
      const content = buffer.subarray(0, body)
      buffer = buffer.subarray(body)
      body = undefined
      output.write(`Content-Length: ${content.length}\r\n\r\n`)
      output.write(content)
    }
  }

  input.on('data', onData)
  input.once('end', () => {
    if (!stopped) output.end()
  })
  return output
}

function headerEnd(buffer: Buffer): {at: number; length: number} | undefined {
  const crlf = buffer.indexOf('\r\n\r\n')
  const lf = buffer.indexOf('\n\n')
  if (crlf === -1 && lf === -1) return undefined
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return {at: crlf, length: 4}
  return {at: lf, length: 2}
}

/** The body length, or the reason the header is refused. */
function contentLength(header: string): number | string {
  let length: number | undefined
  for (const line of header.split(/\r?\n/)) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon === -1) return `Unexpected header line \`${shown(line)}\`, expected \`Name: value\``
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue
    const value = line.slice(colon + 1).trim()
    if (!/^\d{1,10}$/.test(value) || Number(value) > maxBody) {
      return `Unexpected \`Content-Length: ${shown(value)}\`, expected a byte count up to ${maxBody}`
    }
    length = Number(value)
  }
  if (length === undefined) return `Unexpected header \`${shown(header)}\` without \`Content-Length\`, expected \`Content-Length: <bytes>\``
  return length
}

function shown(text: string): string {
  const line = text.replace(/\r?\n/g, '\\n')
  return line.length > 60 ? `${line.slice(0, 60)}…` : line
}
