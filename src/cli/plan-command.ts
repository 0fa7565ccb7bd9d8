import {renderDot, renderMermaid, renderText} from '../plan/render.js'
import {criticalPath, CycleError, buildSchedule} from '../plan/schedule.js'
import {planDocument, planJsonSchema} from '../plan/tasks.js'
import {linearDocument, linearJsonSchema} from '../plan/linear.js'
import {parseSpec} from '../parse/index.js'
import type {Command} from './types.js'
import {readSpecFile} from '../parse/read.js'

const formats = ['--json', '--mermaid', '--dot', '--linear'] as const
const known = new Set<string>([...formats, '--ready', '--critical-path', '--schema'])

export const planCommand: Command = {
  name: 'plan',
  usage: 'spec-lint plan <file> [--json | --mermaid | --dot | --linear] [--ready | --critical-path]',
  summary: 'the Execution Plan as tasks with blockedBy, a Mermaid or Graphviz graph, the ready set, the critical path or the Linear issues it makes',
  async run(argv) {
    const unknown = argv.find((arg) => arg.startsWith('-') && !known.has(arg))
    const files = argv.filter((arg) => !arg.startsWith('-'))
    const chosen = formats.filter((flag) => argv.includes(flag))
    const ready = argv.includes('--ready')
    const critical = argv.includes('--critical-path')
    if (argv.includes('--schema')) {
      process.stdout.write(JSON.stringify(argv.includes('--linear') ? linearJsonSchema() : planJsonSchema(), null, 2) + '\n')
      return 0
    }
    const usage = (reason: string) => {
      process.stderr.write(`spec-lint: ${reason}; usage: ${this.usage}\n`)
      return 2
    }
    if (unknown) return usage(`unknown option \`${unknown}\``)
    if (files.length !== 1) return usage(files.length === 0 ? 'missing spec file' : 'expected one spec file')
    if (chosen.length > 1) return usage(`choose one of ${chosen.map((f) => `\`${f}\``).join(', ')}`)
    if (ready && critical) return usage('choose one of `--ready`, `--critical-path`')
    if ((ready || critical) && (chosen[0] === '--mermaid' || chosen[0] === '--dot' || chosen[0] === '--linear'))
      return usage(`\`${chosen[0]}\` draws the whole plan, not \`${ready ? '--ready' : '--critical-path'}\``)

    const file = files[0] as string
    const value = await readSpecFile(file)
    const {spec} = parseSpec({value, path: file})
    if (chosen[0] === '--linear') {
      process.stdout.write(JSON.stringify(linearDocument(spec, file), null, 2) + '\n')
      return 0
    }
    const doc = planDocument(spec, file)
    const json = chosen[0] === '--json'
    const pick = (keys: string[]) => keys.map((key) => doc.tasks.find((task) => task.key === key)).filter((task) => task !== undefined)
    const lines = (keys: string[]) =>
      pick(keys)
        .map((task) => `${task.key}\t${task.title}${task.issueId ? ` (${task.issueId})` : ''}\n`)
        .join('')

    if (critical) {
      try {
        criticalPath(buildSchedule(spec).graph)
      } catch (error) {
        if (error instanceof CycleError) {
          process.stderr.write(`spec-lint: ${file}: ${error.message}\n`)
          return 1
        }
        throw error
      }
      process.stdout.write(json ? JSON.stringify(pick(doc.criticalPath), null, 2) + '\n' : lines(doc.criticalPath))
      return 0
    }
    if (ready) {
      process.stdout.write(json ? JSON.stringify(pick(doc.ready), null, 2) + '\n' : lines(doc.ready))
    } else if (json) {
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n')
    } else if (chosen[0] === '--mermaid') {
      process.stdout.write(renderMermaid(doc, spec))
    } else if (chosen[0] === '--dot') {
      process.stdout.write(renderDot(doc, spec))
    } else {
      process.stdout.write(renderText(doc, spec))
    }
    if (doc.cycles.length > 0) {
      process.stderr.write(`spec-lint: ${file}: ${new CycleError(doc.cycles).message}\n`)
      return 1
    }
    return 0
  }
}
