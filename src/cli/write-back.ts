import {FileChangedError, writeFileAtomic} from '../edit/write-atomic.js'

/**
 * Write fixed or formatted files one by one: a file that cannot be written,
 * or that changed since it was read, is reported and left as it is, and the
 * rest are still written. Resolves to the entries not written.
 */
export async function writeBack<T extends {name: string; path: string; expected: string; value: string}>(entries: Iterable<T>): Promise<Set<T>> {
  const failed = new Set<T>()
  for (const entry of entries) {
    try {
      await writeFileAtomic(entry.path, entry.value, {expected: entry.expected})
    } catch (error) {
      failed.add(entry)
      const reason =
        error instanceof FileChangedError
          ? 'changed since it was read, not written (run again on the new text)'
          : `cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'}), not written`
      process.stderr.write(`spec-lint: ${entry.name}: ${reason}\n`)
    }
  }
  return failed
}
