import {renderStatusTable, specStatus, statusJsonSchema} from '../plan/status.js'
import type {SpecStatus} from '../plan/status.js'
import {parseSpec} from '../parse/index.js'
import type {Command} from './types.js'
import {expandSpecPaths} from './expand.js'
import {readSpecFile} from '../parse/read.js'

export const statusCommand: Command = {
  name: 'status',
  usage: 'spec-lint status [path | glob ...] [--json]',
  summary: 'progress per spec (phases, chunks, criteria, next ready chunks); exit 1 when Meta Status disagrees with the checkboxes',
  async run(argv) {
    if (argv.includes('--schema')) {
      process.stdout.write(JSON.stringify(statusJsonSchema(), null, 2) + '\n')
      return 0
    }
    const unknown = argv.find((arg) => arg.startsWith('-') && arg !== '--json')
    if (unknown) {
      process.stderr.write(`spec-lint: unknown option \`${unknown}\`; usage: ${this.usage}\n`)
      return 2
    }
    const json = argv.includes('--json')
    const args = argv.filter((arg) => !arg.startsWith('-'))
    const files = await expandSpecPaths(args.length > 0 ? args : ['specs'])
    if (files.length === 0) {
      const where = args.length > 0 ? args.map((a) => `\`${a}\``).join(', ') : '`specs/`'
      process.stderr.write(`spec-lint: no specs found in ${where}, expected a Markdown spec, a folder or a glob\n`)
      return args.length > 0 ? 1 : 2
    }
    const rows: SpecStatus[] = []
    for (const {file, explicit} of files) {
      const value = await readSpecFile(file)
      const {spec} = parseSpec({value, path: file})
      // Folders and globs also hold discovery docs and notes: keep what looks like a spec.
      if (!explicit && spec.meta === null && spec.plan === null) continue
      rows.push(specStatus(spec, file))
    }
    process.stdout.write(json ? JSON.stringify({specs: rows}, null, 2) + '\n' : renderStatusTable(rows))
    return rows.some((row) => row.mismatch) ? 1 : 0
  }
}
