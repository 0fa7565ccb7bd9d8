import {createTwoFilesPatch} from 'diff'
import type {Context, Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {runEngine} from '../engine/engine.js'

/** A reporter that prints nothing: passes before the last one are not reported. */
export const silentReporter = (): string => ''

/** Run the engine for its files only: no report, no output. */
export async function collect(options: EngineOptions): Promise<{code: number; context: Context | undefined}> {
  return runEngine({...options, reporter: silentReporter, out: false, output: false})
}

/** The one line main prints when paths match no Markdown file; true when it did. */
export function reportNoFiles(options: EngineOptions, context: Context | undefined): boolean {
  const given = (options.files ?? []).filter((f): f is string => typeof f === 'string')
  if (given.length === 0 || !context || context.files.length > 0) return false
  for (const f of given) process.stderr.write(`spec-lint: No Markdown files match \`${f}\`\n`)
  return true
}

/** A file the engine read and did not give up on (missing, unreadable, binary). */
export function readable(file: VFile): boolean {
  if (file.data.specRefused) return false
  return file.value !== undefined && file.value !== null && !file.messages.some((m) => m.fatal && m.ruleId === undefined)
}

/** A unified diff of one file, named by its path. */
export function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(name, name, before, after, undefined, undefined, {context: 3})
}

/** A closed standard output (`spec-lint --format --diff | head`) ends the run quietly. */
export function quietOnClosedOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}
