import path from 'node:path'
import type {Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {editSpec, EditRefused} from '../edit/spec-edits.js'
import type {SpecEdit, SpecEditResult} from '../edit/spec-edits.js'
import {writeFileAtomic} from '../edit/write-atomic.js'
import {engineOptions} from '../engine/engine.js'
import {firstLine} from '../engine/errors.js'
import {readSpecFile} from '../parse/read.js'
import {reporterCompact} from '../report/compact.js'
import {collect} from './run-files.js'

/*
 * What `done`, `undo`, `link` and `set-status` share: read the spec, plan
 * the edit, lint the text before and after with the spec's own
 * configuration, refuse an edit that adds a lint message (unless forced),
 * write atomically, and report what changed and what the linter now says.
 */

export interface EditRunOptions {
  /** Write even when the edit adds lint messages. */
  force?: boolean
}

/** Lint a text as the file at `file` (its configuration, its rules). */
export async function lintAs(file: string, value: string): Promise<VFile> {
  const vfile = new VFile({path: path.resolve(file), cwd: process.cwd(), value})
  await collect({...engineOptions({} as EngineOptions), files: [vfile]})
  return vfile
}

/** A message without its place, so the same finding matches across an edit that shifts lines. */
function findingKey(message: VFileMessage): string {
  return `${message.ruleId ?? ''}\u0000${message.reason.replace(/\(\d+:\d+\)/g, '')}`
}

/** Messages in `after` that `before` did not have (by rule and reason, counted). */
export function newFindings(before: readonly VFileMessage[], after: readonly VFileMessage[]): VFileMessage[] {
  const left = new Map<string, number>()
  for (const message of before) left.set(findingKey(message), (left.get(findingKey(message)) ?? 0) + 1)
  const added: VFileMessage[] = []
  for (const message of after) {
    const key = findingKey(message)
    const count = left.get(key) ?? 0
    if (count > 0) left.set(key, count - 1)
    else added.push(message)
  }
  return added
}

function writeReport(report: string): void {
  if (report) process.stderr.write(report.endsWith('\n') ? report : report + '\n')
}

function say(file: string, line: string, stream: NodeJS.WriteStream = process.stdout): void {
  stream.write(`${file}: ${line}\n`)
}

/** Plan, check and write one edit; the exit code. */
export async function runEdit(file: string, edit: SpecEdit, options: EditRunOptions = {}): Promise<number> {
  let value: string
  let result: SpecEditResult
  try {
    value = await readSpecFile(file)
    result = editSpec(value, edit, {path: file})
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`spec-lint: ${error instanceof EditRefused ? `${file}: ` : ''}${firstLine(reason)}\n`)
    return 1
  }
  if (result.edits.length === 0) {
    for (const change of result.changes) say(file, change)
    return 0
  }
  const before = await lintAs(file, value)
  const after = await lintAs(file, result.text)
  const added = newFindings(before.messages, after.messages)
  if (added.length > 0 && !options.force) {
    process.stderr.write(`spec-lint: ${file}: Unexpected lint ${added.length === 1 ? 'message' : 'messages'} after the edit (${result.changes.join('; ')}), expected none new; the spec is left as it was (\`--force\` writes it)\n`)
    const shown = new VFile({path: file, value: result.text})
    shown.messages.push(...added)
    writeReport(reporterCompact([shown]))
    return 1
  }
  try {
    await writeFileAtomic(file, result.text)
  } catch (error) {
    process.stderr.write(`spec-lint: ${file}: cannot write (${firstLine(error instanceof Error ? error.message : String(error))})\n`)
    return 1
  }
  for (const change of result.changes) say(file, change)
  const remaining = after.messages
  if (remaining.length === 0) {
    say(file, 'lint clean')
    return 0
  }
  after.path = file
  writeReport(reporterCompact([after]))
  return remaining.some((message) => message.fatal === true) ? 1 : 0
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
