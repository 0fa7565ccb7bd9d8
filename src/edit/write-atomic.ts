import {randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Replace a file's contents so that readers see the old file or the new one,
 * never half of it: write a temporary file in the same folder (a rename does
 * not cross file systems), give it the original's mode, rename it over.
 */
export async function writeFileAtomic(file: string, value: string): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true})
  let mode: number | undefined
  try {
    mode = (await fs.stat(file)).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const temporary = temporaryPath(file)
  try {
    const handle = await fs.open(temporary, 'wx', mode ?? 0o666)
    try {
      await handle.writeFile(value, 'utf8')
      // The creation mode is masked by the umask; the original's mode is not.
      if (mode !== undefined) await handle.chmod(mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}

/** The same guarantee for synchronous callers (the cache, the Action's summary files). */
export function writeFileAtomicSync(file: string, value: string): void {
  fsSync.mkdirSync(path.dirname(file), {recursive: true})
  let mode: number | undefined
  try {
    mode = fsSync.statSync(file).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const temporary = temporaryPath(file)
  try {
    const handle = fsSync.openSync(temporary, 'wx', mode ?? 0o666)
    try {
      fsSync.writeFileSync(handle, value, 'utf8')
      if (mode !== undefined) fsSync.fchmodSync(handle, mode)
      fsSync.fsyncSync(handle)
    } finally {
      fsSync.closeSync(handle)
    }
    fsSync.renameSync(temporary, file)
  } catch (error) {
    fsSync.rmSync(temporary, {force: true})
    throw error
  }
}

function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}
