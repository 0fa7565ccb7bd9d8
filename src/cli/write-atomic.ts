import fs from 'node:fs'
import path from 'node:path'

/** Write a file whole or not at all: a temp file in the same folder, renamed over it, mode kept. */
export function writeAtomic(file: string, value: string): void {
  const dir = path.dirname(file)
  fs.mkdirSync(dir, {recursive: true})
  let mode: number | undefined
  try {
    mode = fs.statSync(file).mode & 0o7777
  } catch {
    mode = undefined
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`)
  try {
    fs.writeFileSync(temp, value, mode === undefined ? undefined : {mode})
    if (mode !== undefined) fs.chmodSync(temp, mode)
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, {force: true})
    throw error
  }
}
