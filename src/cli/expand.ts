import fs from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'

export interface SpecPath {
  file: string
  /** Named on the command line (not found in a folder or by a glob). */
  explicit: boolean
}

const markdown = /\.(?:md|markdown)$/i

async function walk(dir: string, out: string[]): Promise<void> {
  let entries
  try {
    entries = await fs.readdir(dir, {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) await walk(full, out)
    else if (entry.isFile() && markdown.test(entry.name)) out.push(full)
  }
}

/**
 * Files for subcommands that take `[path | glob ...]`: a file as given, a
 * folder's Markdown files (recursively, dot folders and node_modules left
 * out), a glob matched under its static base. Order kept, duplicates dropped.
 */
export async function expandSpecPaths(args: string[]): Promise<SpecPath[]> {
  const out: SpecPath[] = []
  const seen = new Set<string>()
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(file)
    if (seen.has(key)) return
    seen.add(key)
    out.push({file, explicit})
  }
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => undefined)
    if (stat?.isFile()) {
      add(arg, true)
      continue
    }
    if (stat?.isDirectory()) {
      const found: string[] = []
      await walk(arg, found)
      for (const file of found) add(file, false)
      continue
    }
    const scan = picomatch.scan(arg)
    if (!scan.isGlob) continue
    const matcher = picomatch(arg, {dot: false})
    const found: string[] = []
    await walk(scan.base === '' ? '.' : scan.base, found)
    for (const file of found) {
      const rel = scan.base === '' ? path.relative('.', file) : file
      if (matcher(rel.split(path.sep).join('/'))) add(file, false)
    }
  }
  return out
}
