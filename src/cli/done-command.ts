import type {Command} from './types.js'
import {runEdit, splitArgs, usageError} from './edit-run.js'

function tickCommand(name: 'done' | 'undo'): Command {
  const usage = `spec-lint ${name} <spec> <chunk> [--force] | --criterion <n | text>`
  return {
    name,
    usage,
    summary:
      name === 'done' ? 'tick a chunk (by id, key, title or slug) or an acceptance criterion, in place' : 'untick a chunk or an acceptance criterion, in place',
    async run(argv) {
      const {positional, flags, unknown} = splitArgs(argv, ['--force'], ['--criterion'])
      if (unknown) return usageError(usage, `unknown option \`${unknown}\``)
      const criterion = flags.get('--criterion')
      const [file, chunk, ...extra] = positional
      if (file === undefined) return usageError(usage, 'missing spec file')
      if (typeof criterion === 'string') {
        if (chunk !== undefined) return usageError(usage, 'expected a chunk or `--criterion`, not both')
        return runEdit(file, {kind: 'criterion', criterion, checked: name === 'done'}, {force: flags.has('--force')})
      }
      if (chunk === undefined) return usageError(usage, 'missing chunk')
      if (extra.length > 0) return usageError(usage, `unexpected \`${extra[0]}\` after the chunk (quote a title with spaces)`)
      return runEdit(file, {kind: name, chunk, force: flags.has('--force')}, {force: flags.has('--force')})
    }
  }
}

export const doneCommand = tickCommand('done')
export const undoCommand = tickCommand('undo')
