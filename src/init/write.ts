import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a file atomically: a temporary file in the same folder, then a
 * rename, so a reader never sees half a spec. An existing file's mode is kept.
 */
export async function writeAtomic(file: string, value: string): Promise<void> {
  const dir = path.dirname(file)
  await fs.mkdir(dir, {recursive: true})
  let mode: number | undefined
  try {
    mode = (await fs.stat(file)).mode & 0o7777
  } catch {
    mode = undefined
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`)
  try {
    await fs.writeFile(temp, value, {flag: 'wx'})
    if (mode !== undefined) await fs.chmod(temp, mode)
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, {force: true})
    throw error
  }
}
