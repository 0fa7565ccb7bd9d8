import {engine} from 'unified-engine'
import type {Context, Options as EngineOptions} from 'unified-engine'
import recommended from '../../presets/recommended.js'
import type {InputLimits} from '../parse/limits.js'
import {specProcessor} from '../parse/processor.js'
import {transformConfig} from './config.js'
import recordRules from './record-rules.js'

export const engineDefaults = {
  rcName: '.speclintrc',
  packageField: 'specLint',
  ignoreName: '.speclintignore',
  extensions: ['md', 'markdown'],
  pluginPrefix: 'spec-lint'
}

let inputLimits: InputLimits = {}

/** Input limits for every run in this process (`--max-size`); set once by `main`. */
export function setInputLimits(limits: InputLimits): void {
  inputLimits = limits
}

/** The limits `--max-size` set for this run, for modes with their own processor. */
export function getInputLimits(): InputLimits {
  return inputLimits
}

/** Engine options for a spec-lint run, on top of what was parsed from argv (the reporter already resolved by the caller). */
export function engineOptions(parsed: EngineOptions): EngineOptions {
  return {
    ...parsed,
    ...engineDefaults,
    processor: specProcessor(inputLimits).use(recordRules),
    defaultConfig: recommended,
    configTransform: transformConfig as EngineOptions['configTransform'],
    // A linter prints its report, not the document, unless asked (`--stdout`).
    out: parsed.out ?? false,
    color: Boolean(parsed.color) && colorSupported(),
    cwd: parsed.cwd ?? process.cwd()
  }
}

export function runEngine(options: EngineOptions): Promise<{code: number; context: Context | undefined}> {
  return new Promise((resolve, reject) => {
    engine(options, (error, code, context) => {
      if (error) reject(error)
      else resolve({code: code ?? 0, context})
    })
  })
}

function colorSupported(): boolean {
  if (process.env.NO_COLOR) return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return Boolean(process.stderr.isTTY)
}
