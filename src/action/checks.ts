import type {VFile} from 'vfile'
import {editsOf} from '../edit/apply.js'
import {formatSpec} from '../format/index.js'
import {relativePath} from '../report/places.js'

/** A check beside linting (`fix`, `format-check`): the files it would change. */
export interface Check {
  name: 'fix' | 'format-check'
  files: string[]
}

function readable(file: VFile): boolean {
  return !file.data.specRefused && typeof file.value === 'string'
}

/** Files where `spec-lint --fix` would apply at least one fix. */
export function fixCheck(files: readonly VFile[], cwd: string): Check {
  return {name: 'fix', files: files.filter((file) => readable(file) && editsOf(file).length > 0).map((file) => relativePath(file, cwd))}
}

/** Files `spec-lint --format` would rewrite: the formatter runs in the process, as the CLI's does. */
export function formatCheck(files: readonly VFile[], cwd: string): Check {
  const changed: string[] = []
  for (const file of files) {
    if (!readable(file)) continue
    const text = String(file.value)
    let formatted: string
    try {
      formatted = formatSpec(text)
    } catch {
      // A file the formatter refuses is reported by the lint already.
      continue
    }
    if (formatted !== text) changed.push(relativePath(file, cwd))
  }
  return {name: 'format-check', files: changed}
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What a failed check means, for the verdict line. */
export function failureOf(check: Check): string | undefined {
  if (check.files.length === 0) return undefined
  return check.name === 'fix'
    ? `\`spec-lint --fix\` would change ${plural(check.files.length, 'file')}`
    : `\`spec-lint --format\` would change ${plural(check.files.length, 'file')}`
}

/** One bullet per check, naming every file it would change. */
export function noteOf(check: Check): string {
  const list = check.files.map((f) => `\`${f}\``).join(', ')
  if (check.name === 'fix') {
    return check.files.length === 0 ? 'Fixes: none would apply.' : `Fixes would apply to ${list}: run \`spec-lint --fix\` and commit.`
  }
  return check.files.length === 0 ? 'Formatting: every file is formatted.' : `Not formatted: ${list}: run \`spec-lint --format\` and commit.`
}
