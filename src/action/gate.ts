import {writeFileAtomicSync as writeAtomic} from '../edit/write-atomic.js'
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {engineOptions, runEngine} from '../engine/engine.js'
import {reporterSarif} from '../report/sarif.js'
import {flattenCauses} from '../report/index.js'
import {relativePath} from '../report/places.js'
import {specProcessor} from '../parse/processor.js'
import {annotations, entry} from './annotations.js'
import {changedFiles} from './changed.js'
import {failureOf, fixCheck, formatCheck, noteOf} from './checks.js'
import type {Check} from './checks.js'
import type {ActionInputs} from './inputs.js'
import {summary} from './summary.js'

export interface GateResult {
  code: number
  errors: number
  warnings: number
}

function appendTo(file: string | undefined, value: string): void {
  if (file) fs.appendFileSync(file, value)
}

async function lintFiles(inputs: ActionInputs, cwd: string): Promise<VFile[]> {
  const files: VFile[] = []
  const collect = (list: VFile[]) => {
    files.push(...list)
    return ''
  }
  await runEngine(engineOptions({processor: specProcessor(), files: inputs.files, cwd, rcPath: inputs.config, reporter: collect, color: false}))
  flattenCauses(files)
  return files
}

/** Lint, annotate, summarize, and decide: the whole gate, for `action.yml`. */
export async function gate(inputs: ActionInputs, env: NodeJS.ProcessEnv = process.env): Promise<GateResult> {
  const cwd = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
  const files = await lintFiles(inputs, cwd)
  if (files.length === 0) {
    process.stdout.write(`::error title=spec-lint::No Markdown files match ${inputs.files.map((f) => `\`${f}\``).join(', ')}\n`)
    appendTo(env.GITHUB_STEP_SUMMARY, `## spec-lint\n\n❌ No Markdown files match ${inputs.files.map((f) => `\`${f}\``).join(', ')}.\n`)
    return {code: 1, errors: 0, warnings: 0}
  }

  const changed = changedFiles(cwd, env)
  const names = files.map((file) => relativePath(file, cwd))
  const entries = files.flatMap((file, index) => file.messages.map((message) => entry(names[index] as string, message, changed)))
  const errors = entries.filter((e) => e.level === 'error').length
  const warnings = entries.filter((e) => e.level === 'warning').length

  const {lines, shown} = annotations(entries)
  if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n')

  const checks: Check[] = []
  if (inputs.fix) checks.push(fixCheck(files, cwd))
  if (inputs.formatCheck) checks.push(formatCheck(files, cwd))
  const failures = checks.map(failureOf).filter((f): f is string => f !== undefined)
  const fixNotes = checks.map(noteOf)

  if (inputs.sarifFile) writeAtomic(path.resolve(cwd, inputs.sarifFile), reporterSarif(files, {root: cwd}) + '\n')

  const passed = errors === 0 && (inputs.failOn === 'error' || warnings === 0) && failures.length === 0
  appendTo(env.GITHUB_STEP_SUMMARY, summary({entries, files: names, failOn: inputs.failOn, passed, fixNotes, failures, shown}))
  appendTo(env.GITHUB_OUTPUT, `errors=${errors}\nwarnings=${warnings}\n`)
  for (const note of fixNotes) process.stdout.write(`spec-lint: ${note.replace(/`/g, '')}\n`)
  process.stdout.write(`spec-lint: ${errors} error(s), ${warnings} warning(s) in ${files.length} file(s); ${passed ? 'passed' : 'failed'}\n`)
  return {code: passed ? 0 : 1, errors, warnings}
}
