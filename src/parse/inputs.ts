import {createHash} from 'node:crypto'
import fs from 'node:fs'
import type {VFile} from 'vfile'

/**
 * What a lint result depends on besides the file's text and configuration:
 * other files a rule looked at, and the date for rules that compare with
 * today. A rule declares each input as it reads it, through the functions
 * below; the cache stores them with the result and reuses it only while
 * every input is still the same.
 */
export type LintInput = {kind: 'exists'; path: string; state: string} | {kind: 'content'; path: string; state: string} | {kind: 'date'; state: string}

declare module 'vfile' {
  interface DataMap {
    /** Inputs rules read for this file, beyond its own text. */
    specInputs: LintInput[]
  }
}

function record(file: VFile | undefined, input: LintInput): void {
  if (!file) return
  const inputs = (file.data.specInputs ??= [])
  if (!inputs.some((known) => known.kind === input.kind && ('path' in known ? known.path : '') === ('path' in input ? input.path : ''))) {
    inputs.push(input)
  }
}

function kindOf(abs: string): string {
  try {
    const stat = fs.statSync(abs)
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

function contentOf(abs: string): string {
  try {
    return createHash('sha1').update(fs.readFileSync(abs)).digest('base64url')
  } catch {
    return kindOf(abs)
  }
}

/** `missing`, `file`, `folder` or `other`; recorded as an input of `file`. */
export function pathKind(file: VFile | undefined, abs: string): string {
  const state = kindOf(abs)
  record(file, {kind: 'exists', path: abs, state})
  return state
}

/** Whether a path exists; recorded as an input of `file`. */
export function pathExists(file: VFile | undefined, abs: string): boolean {
  return pathKind(file, abs) !== 'missing'
}

/** Record that a rule read a file's content (call it with the text it read). */
export function contentRead(file: VFile | undefined, abs: string): void {
  record(file, {kind: 'content', path: abs, state: contentOf(abs)})
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** Record that `file`'s result holds only for today (a rule compared with the date and it may change). */
export function dependsOnToday(file: VFile): void {
  record(file, {kind: 'date', state: today()})
}

/** Whether an input recorded earlier is still what it was. */
export function inputCurrent(input: LintInput): boolean {
  if (input.kind === 'date') return today() === input.state
  if (input.kind === 'exists') return kindOf(input.path) === input.state
  return contentOf(input.path) === input.state
}
