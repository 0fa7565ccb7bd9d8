import type {Command} from './types.js'
import {runEdit, splitArgs, usageError} from './edit-run.js'

const usage = 'spec-lint set-status <spec> <draft | in-progress | complete> | --auto'

export const setStatusCommand: Command = {
  name: 'set-status',
  usage,
  summary: 'set the Meta Status, or with `--auto` the Status the checkboxes say',
  async run(argv) {
    const {positional, flags, unknown} = splitArgs(argv, ['--auto', '--force'], [])
    if (unknown) return usageError(usage, `unknown option \`${unknown}\``)
    const [file, status, ...extra] = positional
    if (file === undefined) return usageError(usage, 'missing spec file')
    const auto = flags.has('--auto')
    if (auto && status !== undefined) return usageError(usage, 'expected a Status or `--auto`, not both')
    if (!auto && status === undefined) return usageError(usage, 'missing Status')
    if (extra.length > 0) return usageError(usage, `unexpected \`${extra[0]}\` after the Status`)
    return runEdit(file, {kind: 'set-status', status: auto ? 'auto' : (status as string)}, {force: flags.has('--force')})
  }
}
