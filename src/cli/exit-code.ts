import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/**
 * ESLint's exit codes, which CI scripts already know: 0 nothing to report,
 * 1 lint errors (or more warnings than `--max-warnings`), 2 the run itself
 * went wrong (a usage, configuration or internal error).
 */
export const exitCodes = {clean: 0, lint: 1, usage: 2} as const

/**
 * Messages the engine adds without a rule: a path that matches nothing, an
 * ignored file named on the command line, a configuration that does not
 * load, a plugin that throws. They say the run is wrong, not the spec.
 * (Refused input, such as a binary file or one over `--max-size`, has a
 * rule id: that is a finding about the file, exit 1.)
 */
export function isRunProblem(message: VFileMessage): boolean {
  return message.fatal === true && !message.ruleId
}

export interface ExitOptions {
  /** `--max-warnings N`: more warnings than this exit 1. */
  maxWarnings?: number
  /** unified-args' `--frail`: any warning exits 1. */
  frail?: boolean
}

export function countsOf(files: readonly VFile[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {errors, warnings}
}

export function exitCodeOf(files: readonly VFile[], options: ExitOptions = {}): number {
  if (files.some((file) => file.messages.some(isRunProblem))) return exitCodes.usage
  const {errors, warnings} = countsOf(files)
  if (errors > 0) return exitCodes.lint
  if (options.frail && warnings > 0) return exitCodes.lint
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return exitCodes.lint
  return exitCodes.clean
}
