import fs from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import type {Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import {reporters} from '../report/index.js'
import type {Reporter} from '../report/index.js'
import {flattenCauses} from '../report/index.js'
import {writeFileAtomic} from '../edit/write-atomic.js'
import {runEngine} from '../engine/engine.js'
import {firstLine} from '../engine/errors.js'
import {exitCodeOf, exitCodes} from './exit-code.js'

/** Where a run's report goes: `--output-file`, else standard error (unified's stream for reports). */
export interface ReportTarget {
  outputFile?: string
}

/** A stream that keeps what is written to it. */
export class Captured extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk)
    done()
  }
}

/**
 * A file that stands for a path the run could not lint (nothing matched,
 * the engine failed), so a JSON or SARIF report still says what went wrong
 * as a file-level result instead of being empty or mixed with other lines.
 */
export function problemFile(name: string, reason: string, cwd: string): VFile {
  const file = new VFile({path: name, cwd})
  const message = file.message(reason)
  message.fatal = true
  return file
}

export async function writeReport(text: string, target: ReportTarget, cwd: string): Promise<void> {
  const value = text === '' || text.endsWith('\n') ? text : text + '\n'
  if (target.outputFile) {
    const file = path.resolve(cwd, target.outputFile)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    await writeFileAtomic(file, value)
  } else if (value !== '') process.stderr.write(value)
}

/** Reports read by programs: what went wrong with the run is a result in them, so they stay whole. */
const machineReadable = new Set(['json', 'sarif', 'github'])

export interface LintRunOptions extends ReportTarget {
  /** `--report` as given: a name from spec-lint's table, or one the engine loads. */
  reporter?: string
  maxWarnings?: number
  /** Paths as given, for the no-match message. */
  patterns: string[]
}

/**
 * A plain lint run: the engine lints, spec-lint reports. The report is
 * built here, not by the engine, so that paths that match nothing and an
 * engine failure become results of the same report (valid JSON or SARIF
 * whatever happens) and the exit code follows ESLint's table.
 */
export async function lintRun(options: EngineOptions, run: LintRunOptions): Promise<number> {
  const cwd = String(options.cwd ?? process.cwd())
  const name = run.reporter
  const known: Reporter | undefined = name === undefined ? reporters.default : reporters[name]
  const reporterOptions = {
    ...(options.reporterOptions ?? {}),
    color: run.outputFile ? false : options.color,
    quiet: options.quiet,
    silent: options.silent,
    verbose: options.verbose
  }
  let reported: VFile[] = []
  const captured = new Captured()
  const engineRun: EngineOptions = {
    ...options,
    color: reporterOptions.color,
    // A reporter spec-lint ships is called here; another (`vfile-reporter-<name>`) is loaded by the engine.
    reporter: known
      ? (files: VFile[]) => {
          reported = files
          return ''
        }
      : name,
    streamError: captured
  }
  let files: VFile[]
  // Results the engine could not report: a path that matched nothing, the engine failing.
  let problems: VFile[] = []
  try {
    const {context} = await runEngine(engineRun)
    files = known ? reported : (context?.files ?? [])
    if ((context?.files.length ?? 0) === 0 && run.patterns.length > 0 && !options.silentlyIgnore) {
      problems = run.patterns.map((pattern) => problemFile(pattern, `No Markdown files match \`${pattern}\``, cwd))
    }
  } catch (error) {
    const reason = firstLine(error instanceof Error ? error.message : String(error))
    if (!known) {
      // The reporter itself did not load: there is no report to put the reason in.
      process.stderr.write(`spec-lint: ${reason}\n`)
      return exitCodes.usage
    }
    files = []
    problems = [problemFile(run.patterns[0] ?? '.', `Cannot lint: ${reason}`, cwd)]
  }
  flattenCauses(files)
  if (known && machineReadable.has(name ?? 'default')) await writeReport(known([...files, ...problems], reporterOptions), run, cwd)
  else if (known) {
    // A person reads one line about the run, not a result for a file that does not exist.
    await writeReport(known(files, reporterOptions), run, cwd)
    for (const file of problems) process.stderr.write(`spec-lint: ${file.messages[0]?.reason ?? 'no input'}\n`)
  } else {
    await writeReport(captured.text, run, cwd)
    for (const file of problems) process.stderr.write(`spec-lint: ${file.messages[0]?.reason ?? 'no input'}\n`)
  }
  files = [...files, ...problems]
  const code = exitCodeOf(files, {maxWarnings: run.maxWarnings, frail: Boolean(options.frail)})
  if (run.maxWarnings !== undefined && code === exitCodes.lint) {
    const warnings = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === false).length, 0)
    if (warnings > run.maxWarnings) {
      process.stderr.write(`spec-lint: ${warnings} warnings, more than \`--max-warnings ${run.maxWarnings}\`\n`)
    }
  }
  return code
}
