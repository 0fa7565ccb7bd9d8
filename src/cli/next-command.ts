import {nextDocument, nextJsonSchema, renderNext} from '../plan/brief.js'
import {parseSpec} from '../parse/index.js'
import {readSpecFile} from '../parse/read.js'
import type {Command} from './types.js'
import {splitArgs, usageError} from './edit-run.js'

const usage = 'spec-lint next <spec> [--stream <name>] [--json] | --schema'

export const nextCommand: Command = {
  name: 'next',
  usage,
  summary: 'the ready chunks, each as a brief for the executing agent (outcome, stream, skills, tasks, references, communication)',
  async run(argv) {
    const {positional, flags, unknown} = splitArgs(argv, ['--json', '--schema'], ['--stream'])
    if (unknown) return usageError(usage, `unknown option \`${unknown}\``)
    if (flags.has('--schema')) {
      process.stdout.write(JSON.stringify(nextJsonSchema(), null, 2) + '\n')
      return 0
    }
    if (positional.length !== 1) return usageError(usage, positional.length === 0 ? 'missing spec file' : 'expected one spec file')
    const file = positional[0] as string
    let value: string
    try {
      value = await readSpecFile(file)
    } catch (error) {
      process.stderr.write(`spec-lint: ${error instanceof Error ? error.message : String(error)}\n`)
      return 1
    }
    const {spec} = parseSpec({value, path: file})
    const stream = flags.get('--stream')
    const doc = nextDocument(spec, file, {stream: typeof stream === 'string' ? stream : undefined})
    process.stdout.write(flags.has('--json') ? JSON.stringify(doc, null, 2) + '\n' : renderNext(doc))
    return 0
  }
}
