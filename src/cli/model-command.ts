import {specJsonSchema} from '../model/schema.js'
import {parseSpec} from '../parse/index.js'
import type {Command} from './types.js'
import {readSpecFile} from '../parse/read.js'

export const modelCommand: Command = {
  name: 'model',
  usage: 'spec-lint model <file> | spec-lint model --schema',
  summary: 'print a spec’s typed model as JSON (or the model’s JSON Schema)',
  async run(argv) {
    if (argv.includes('--schema')) {
      process.stdout.write(JSON.stringify(specJsonSchema(), null, 2) + '\n')
      return 0
    }
    const files = argv.filter((arg) => !arg.startsWith('-'))
    if (files.length !== 1) {
      process.stderr.write(`spec-lint: usage: ${this.usage}\n`)
      return 2
    }
    const file = files[0] as string
    const value = await readSpecFile(file)
    const {spec: model} = parseSpec({value, path: file})
    process.stdout.write(JSON.stringify({file, ...model}, null, 2) + '\n')
    return 0
  }
}
