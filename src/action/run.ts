#!/usr/bin/env node
import {escapeData} from '../report/github.js'
import {firstLine} from '../engine/errors.js'
import {gate} from './gate.js'
import {readInputs} from './inputs.js'

/**
 * The GitHub Action's step (see `action.yml`): a failure of the script
 * itself is one `::error` line and a non-zero exit, never a stack trace.
 */
function failed(error: unknown): void {
  const reason = firstLine(error instanceof Error ? error.message : String(error))
  process.stdout.write(`::error title=spec-lint::${escapeData(reason)}\n`)
  process.exitCode = 1
}

process.on('uncaughtException', failed)
process.on('unhandledRejection', failed)

try {
  const {code} = await gate(readInputs())
  process.exitCode = code
} catch (error) {
  failed(error)
}
