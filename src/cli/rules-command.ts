import {parseArgs} from 'node:util'
import {rules} from '../../rules/index.js'
import {docsBase} from '../rule.js'
import type {Command} from './types.js'
import {reasonOf, resolveConfig} from './resolved-config.js'
import {quietOnClosedOutput} from './run-files.js'

const usage = 'spec-lint rules [--json] [--for <file>] [--rc-path <path>] [--no-config]'

/**
 * `spec-lint rules`: every rule with its severity in the configuration
 * that applies here (to `--for <file>`, default a spec in `specs/`),
 * whether `--fix` fixes it, and its documentation.
 */
export const rulesCommand: Command = {
  name: 'rules',
  usage: 'spec-lint rules [--json] [--for <file>]',
  summary: 'list rule ids, their severity in the active configuration, whether they are fixable, and their docs',
  async run(argv) {
    quietOnClosedOutput()
    let values: {json?: boolean; for?: string; 'rc-path'?: string; config?: boolean; 'no-config'?: boolean}
    try {
      ;({values} = parseArgs({
        args: argv,
        strict: true,
        options: {json: {type: 'boolean'}, for: {type: 'string'}, 'rc-path': {type: 'string'}, 'no-config': {type: 'boolean'}}
      }))
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0]
      process.stderr.write(`spec-lint: ${reason}; usage: ${usage}\n`)
      return 2
    }
    let levels: Map<string, string>
    let configFile: string | undefined
    try {
      const config = await resolveConfig(values.for ?? 'specs/spec.md', {
        cwd: process.cwd(),
        rcPath: values['rc-path'],
        detectConfig: !values['no-config']
      })
      levels = new Map(config.rules.map((r) => [r.id, r.level]))
      configFile = config.configFile
    } catch (error) {
      process.stderr.write(`spec-lint: ${reasonOf(error)}\n`)
      return 2
    }
    const rows = rules.map(({rule}) => ({
      id: rule.id,
      severity: levels.get(rule.id) ?? 'off',
      fixable: rule.fixable,
      docs: `${docsBase}${rule.id}.md`
    }))
    if (values.json) {
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
      return 0
    }
    const idWidth = Math.max(...rows.map((r) => r.id.length))
    process.stdout.write(`Rules (severity from ${configFile ? `\`${configFile}\`` : 'the recommended preset'}):\n\n`)
    for (const row of rows) {
      process.stdout.write(`${row.id.padEnd(idWidth)}  ${row.severity.padEnd(5)}  ${row.fixable ? 'fixable' : '       '}  ${row.docs}\n`)
    }
    return 0
  }
}
