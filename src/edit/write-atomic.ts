import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface WriteOptions {
  /**
   * The text the file had when it was read. Just before the new text
   * replaces it, the file is read again: when it no longer holds this text
   * (someone edited it during the run, another spec-lint wrote it), nothing
   * is written and a `FileChangedError` is thrown, so neither edit is lost.
   */
  expected?: string
}

/** The file changed between the read and the write; it was left as it is. */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED'
  constructor(readonly file: string) {
    super(`${file}: changed since it was read`)
    this.name = 'FileChangedError'
  }
}

/**
 * Replace a file's contents so that readers see the old file or the new one,
 * never half of it: write a temporary file in the same folder (a rename does
 * not cross file systems), give it the original's mode, owner and group,
 * rename it over. A symbolic link is written through (its target changes,
 * the link stays); a file with other hard links, or one whose owner cannot
 * be kept, is overwritten in place, as a rename would split it from its
 * other names or hand it to the current user.
 */
export function writeFileAtomic(file: string, value: string, options: WriteOptions = {}): Promise<void> {
  // One implementation: the check before the rename and the rename must not interleave with other work.
  try {
    writeFileAtomicSync(file, value, options)
    return Promise.resolve()
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

/** The same guarantees for synchronous callers (the cache, the Action's summary files). */
export function writeFileAtomicSync(file: string, value: string, options: WriteOptions = {}): void {
  const target = resolveLinks(file)
  fs.mkdirSync(path.dirname(target), {recursive: true})
  const existing = statOrUndefined(target)
  if (existing && !existing.isFile()) throw Object.assign(new Error(`${file}: not a regular file`), {code: 'EISDIR'})
  const check = () => {
    if (options.expected === undefined) return
    let now: string | undefined
    try {
      now = fs.readFileSync(target, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (now !== options.expected) throw new FileChangedError(file)
  }
  if (existing && existing.nlink > 1) {
    check()
    writeInPlace(target, value)
    return
  }
  const temporary = temporaryPath(target)
  let inPlace = false
  try {
    const handle = fs.openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666)
    try {
      fs.writeFileSync(handle, value, 'utf8')
      if (existing) {
        // The creation mode is masked by the umask; the original's mode is not.
        fs.fchmodSync(handle, existing.mode & 0o7777)
        inPlace = !keepOwner(handle, existing)
      }
      fs.fsyncSync(handle)
    } finally {
      fs.closeSync(handle)
    }
    check()
    if (!inPlace) fs.renameSync(temporary, target)
  } finally {
    // Gone after the rename; left behind by a failure or an in-place write.
    fs.rmSync(temporary, {force: true})
  }
  if (inPlace) writeInPlace(target, value)
}

/** Give the new file the old one's owner and group; false when that is not allowed. */
function keepOwner(handle: number, existing: fs.Stats): boolean {
  const uid = process.geteuid?.()
  const gid = process.getegid?.()
  if (uid === undefined || (existing.uid === uid && existing.gid === gid)) return true
  try {
    fs.fchownSync(handle, existing.uid, existing.gid)
    return true
  } catch {
    return false
  }
}

/** Overwrite the file's own bytes: its inode, links, owner and mode stay. */
function writeInPlace(target: string, value: string): void {
  const handle = fs.openSync(target, 'r+')
  try {
    const bytes = Buffer.from(value, 'utf8')
    fs.writeSync(handle, bytes, 0, bytes.length, 0)
    fs.ftruncateSync(handle, bytes.length)
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
}

/** The path a write lands on: symbolic links followed, even one whose target does not exist yet. */
export function resolveLinks(file: string): string {
  let current = path.resolve(file)
  for (let hops = 0; hops < 40; hops++) {
    let link: string
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) break
      link = fs.readlinkSync(current)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break
      throw error
    }
    current = path.resolve(path.dirname(current), link)
  }
  // The folders above may be links too; a rename in the real folder is what keeps the link.
  try {
    return path.join(fs.realpathSync(path.dirname(current)), path.basename(current))
  } catch {
    return current
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}
