import fs from 'node:fs/promises'
import {location} from 'vfile-location'
import {checkInput} from './limits.js'

/** Read a spec for a subcommand, with one clear error for each way that can fail. */
export async function readSpecFile(file: string): Promise<string> {
  let stat
  try {
    stat = await fs.stat(file)
  } catch {
    throw new Error(`${file}: no such file`)
  }
  if (stat.isDirectory()) throw new Error(`${file}: is a folder, expected a Markdown file`)
  let buffer: Buffer
  try {
    buffer = await fs.readFile(file)
  } catch (error) {
    throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (buffer.includes(0)) throw new Error(`${file}: binary content, expected a Markdown spec`)
  const text = buffer.toString('utf8')
  const refused = checkInput(text)
  if (refused) {
    const place = location(text).toPoint(refused.offset)
    throw new Error(`${file}:${place?.line ?? 1}:${place?.column ?? 1}: ${refused.reason}`)
  }
  return text
}
