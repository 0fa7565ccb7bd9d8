import {writeFileAtomicSync as writeAtomic} from '../edit/write-atomic.js'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {engineOptions, runEngine} from '../engine/engine.js'
import {firstLine} from '../engine/errors.js'
import {reporterSarif} from '../report/sarif.js'
import {flattenCauses} from '../report/index.js'
import {relativePath} from '../report/places.js'
import {editsOf} from '../edit/apply.js'
import {specProcessor} from '../parse/processor.js'
import {annotations, entry} from './annotations.js'
import {changedFiles} from './changed.js'
import type {ActionInputs} from './inputs.js'
import {summary} from './summary.js'

const cliBin = fileURLToPath(new URL('../cli/bin.js', import.meta.url))

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

/** `spec-lint --format --check`: the canonical formatter, as the CLI runs it. */
function formatCheck(inputs: ActionInputs, cwd: string): {ok: boolean; note: string} {
  const args = [cliBin, '--format', '--check', ...(inputs.config ? ['--rc-path', inputs.config] : []), ...inputs.files]
  const result = spawnSync(process.execPath, args, {cwd, encoding: 'utf8', timeout: 300_000, env: {...process.env, NO_COLOR: '1'}})
  if (result.status === 0) return {ok: true, note: 'Formatting: every file is formatted.'}
  const detail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim()
  return {ok: false, note: `Formatting: \`spec-lint --format\` would change files${detail ? `: ${firstLine(detail)}` : ''}.`}
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

  const fixNotes: string[] = []
  let fixOk = true
  if (inputs.fix) {
    const fixable = files.filter((file) => editsOf(file).length > 0).map((file) => relativePath(file, cwd))
    if (fixable.length > 0) {
      fixOk = false
      fixNotes.push(`Fixes would apply to ${fixable.map((f) => `\`${f}\``).join(', ')}: run \`spec-lint --fix\` and commit.`)
    } else fixNotes.push('Fixes: none would apply.')
    const format = formatCheck(inputs, cwd)
    if (!format.ok) fixOk = false
    fixNotes.push(format.note)
  }

  if (inputs.sarifFile) writeAtomic(path.resolve(cwd, inputs.sarifFile), reporterSarif(files, {root: cwd}) + '\n')

  const passed = errors === 0 && (inputs.failOn === 'error' || warnings === 0) && fixOk
  appendTo(env.GITHUB_STEP_SUMMARY, summary({entries, files: names, failOn: inputs.failOn, passed, fixNotes, shown}))
  appendTo(env.GITHUB_OUTPUT, `errors=${errors}\nwarnings=${warnings}\n`)
  for (const note of fixNotes) process.stdout.write(`spec-lint: ${note.replace(/`/g, '')}\n`)
  process.stdout.write(`spec-lint: ${errors} error(s), ${warnings} warning(s) in ${files.length} file(s); ${passed ? 'passed' : 'failed'}\n`)
  return {code: passed ? 0 : 1, errors, warnings}
}
