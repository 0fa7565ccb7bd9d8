import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Replace a file's contents so that readers see the old file or the new one,
 * never half of it: write a temporary file in the same folder (a rename does
 * not cross file systems), give it the original's mode, rename it over.
 */
export async function writeFileAtomic(file: string, value: string): Promise<void> {
  let mode: number | undefined
  try {
    mode = (await fs.stat(file)).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
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
