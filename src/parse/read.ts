import fs from 'node:fs'
import {location} from 'vfile-location'
import {checkInput, defaultLimits, formatSize} from './limits.js'
import type {InputLimits} from './limits.js'

/**
 * Read a document spec-lint was given (a spec for a subcommand, a discovery
 * document) through the same limits as linting, with one clear error for
 * each way that can fail. The size is checked on `stat`, before a byte is
 * read, and only regular files are opened: `/dev/zero`, a FIFO or a socket
 * would otherwise be read forever, or block.
 */
export function readDocument(file: string, limits: InputLimits = {}): string {
  const maxSize = limits.maxSize ?? defaultLimits.maxSize
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    throw new Error(`${file}: no such file`, {cause: error})
  }
  if (stat.isDirectory()) throw new Error(`${file}: is a folder, expected a Markdown file`)
  if (!stat.isFile()) throw new Error(`${file}: not a regular file (a device, FIFO or socket), expected a Markdown file`)
  if (stat.size > maxSize) {
    throw new Error(`${file}: Unexpected file of ${formatSize(stat.size)}, expected at most ${formatSize(maxSize)} (raise the limit with \`--max-size\`)`)
  }
  let buffer: Buffer
  try {
    buffer = readAtMost(file, maxSize + 1)
  } catch (error) {
    throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {cause: error})
  }
  // The file grew between the stat and the read.
  if (buffer.length > maxSize) throw new Error(`${file}: Unexpected file over ${formatSize(maxSize)} (raise the limit with \`--max-size\`)`)
  if (buffer.includes(0)) throw new Error(`${file}: binary content, expected a Markdown spec`)
  const text = buffer.toString('utf8')
  const refused = checkInput(text, limits)
  if (refused) {
    const place = location(text).toPoint(refused.offset)
    throw new Error(`${file}:${place?.line ?? 1}:${place?.column ?? 1}: ${refused.reason}`)
  }
  return text
}

/** Read a spec for a subcommand (`model`, `plan`, `status`, `init`). */
export function readSpecFile(file: string, limits: InputLimits = {}): Promise<string> {
  try {
    return Promise.resolve(readDocument(file, limits))
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

function readAtMost(file: string, bytes: number): Buffer {
  const handle = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  try {
    const chunks: Buffer[] = []
    let total = 0
    while (total < bytes) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, bytes - total))
      const read = fs.readSync(handle, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
    }
    return Buffer.concat(chunks)
  } finally {
    fs.closeSync(handle)
  }
}
