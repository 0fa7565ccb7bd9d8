import path from 'node:path'
import {VFile} from 'vfile'
import {checkedEdit, LintRefused} from '../edit/checked-edit.js'
import type {CheckedEditResult} from '../edit/checked-edit.js'
import {EditRefused} from '../edit/spec-edits.js'
import type {SpecEdit} from '../edit/spec-edits.js'
import {writeFileAtomic} from '../edit/write-atomic.js'
import {engineOptions} from '../engine/engine.js'
import {firstLine} from '../engine/errors.js'
import {specProcessor} from '../parse/processor.js'
import {readSpecFile} from '../parse/read.js'
import {reporterCompact} from '../report/compact.js'
import {collect} from './run-files.js'

/*
 * What `done`, `undo`, `link` and `set-status` share: read the spec, make
 * the checked edit (linted before and after with the spec's own
 * configuration), write atomically, and report what changed and what the
 * linter now says.
 */

export interface EditRunOptions {
  /** Write even when the edit adds lint messages, or a tick skips an open dependency. */
  force?: boolean
}

/** Lint a text as the file at `file` (its configuration, its rules). */
export async function lintAs(file: string, value: string): Promise<VFile> {
  const vfile = new VFile({path: path.resolve(file), cwd: process.cwd(), value})
  // The processor is a placeholder: engineOptions sets spec-lint's own.
  await collect({...engineOptions({processor: specProcessor()}), files: [vfile]})
  vfile.path = file
  return vfile
}

function writeReport(report: string): void {
  if (report) process.stderr.write(report.endsWith('\n') ? report : report + '\n')
}

function say(file: string, line: string): void {
  process.stdout.write(`${file}: ${line}\n`)
}

/** Plan, check and write one edit; the exit code. */
export async function runEdit(file: string, edit: SpecEdit, options: EditRunOptions = {}): Promise<number> {
  let result: CheckedEditResult
  try {
    const value = await readSpecFile(file)
    result = await checkedEdit(value, edit, {lint: (text) => lintAs(file, text), path: file, force: options.force})
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`spec-lint: ${error instanceof EditRefused ? `${file}: ` : ''}${firstLine(reason)}\n`)
    if (error instanceof LintRefused) {
      const shown = new VFile({path: file, value: error.result.text})
      shown.messages.push(...error.added)
      writeReport(reporterCompact([shown]))
    }
    return 1
  }
  if (result.edits.length > 0) {
    try {
      await writeFileAtomic(file, result.text)
    } catch (error) {
      process.stderr.write(`spec-lint: ${file}: cannot write (${firstLine(error instanceof Error ? error.message : String(error))})\n`)
      return 1
    }
  }
  for (const change of result.changes) say(file, change)
  const messages = result.after.messages
  if (messages.length === 0) {
    say(file, 'lint clean')
    return 0
  }
  writeReport(reporterCompact([result.after]))
  return messages.some((message) => message.fatal === true) ? 1 : 0
}

/** Split argv into positionals and the flags a command knows; the unknown flag, if any. */
export function splitArgs(
  argv: readonly string[],
  booleans: readonly string[],
  valued: readonly string[]
): {positional: string[]; flags: Map<string, string | true>; unknown?: string} {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg)
      continue
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (booleans.includes(name)) flags.set(name, true)
    else if (valued.includes(name)) {
      const next = inline ?? argv[i + 1]
      if (next === undefined) return {positional, flags, unknown: `${name} without a value`}
      if (inline === undefined) i++
      flags.set(name, next)
    } else return {positional, flags, unknown: name}
  }
  return {positional, flags}
}

export function usageError(usage: string, reason: string): number {
  process.stderr.write(`spec-lint: ${reason}; usage: ${usage}\n`)
  return 2
}
