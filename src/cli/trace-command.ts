import {traceOf} from '../analysis/trace.js'
import {traceJsonSchema} from '../analysis/trace-schema.js'
import {fail} from '../engine/errors.js'
import {parseSpec} from '../parse/index.js'
import {readSpecFile} from '../parse/read.js'
import type {Command} from './types.js'
import {renderMarkdown, renderText} from './trace-render.js'

const formats = ['--json', '--markdown'] as const

export const traceCommand: Command = {
  name: 'trace',
  usage: 'spec-lint trace <file> [--json | --markdown] | spec-lint trace --schema',
  summary: 'print the traceability matrix: requirements against the chunks that serve them and the criteria that check them',
  async run(argv) {
    if (argv.includes('--schema')) {
      process.stdout.write(JSON.stringify(traceJsonSchema(), null, 2) + '\n')
      return 0
    }
    const flags = argv.filter((arg) => arg.startsWith('-'))
    const files = argv.filter((arg) => !arg.startsWith('-'))
    const unknown = flags.find((flag) => !(formats as readonly string[]).includes(flag))
    if (files.length !== 1 || unknown !== undefined || flags.length > 1) {
      const why = unknown === undefined ? '' : `Unexpected flag \`${unknown}\`; `
      process.stderr.write(`spec-lint: ${why}usage: ${this.usage}\n`)
      return 2
    }
    const file = files[0] as string
    let value: string
    try {
      value = await readSpecFile(file)
    } catch (error) {
      fail(error, 2)
      return 2
    }
    const {spec} = parseSpec({value, path: file})
    const trace = traceOf(spec, value)
    if (flags[0] === '--json') process.stdout.write(JSON.stringify({file, ...trace}, null, 2) + '\n')
    else if (flags[0] === '--markdown') process.stdout.write(renderMarkdown(file, trace))
    else process.stdout.write(renderText(file, trace))
    return 0
  }
}
