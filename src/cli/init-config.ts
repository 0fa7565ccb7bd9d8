import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {writeFileAtomic} from '../edit/write-atomic.js'
import {engineDefaults} from '../engine/engine.js'
import {presets} from '../engine/config.js'

const usage = 'spec-lint init --config [--preset recommended|strict] [--force]'

/** Every name the engine looks up, so a starter never hides (or is hidden by) another config file. */
const configNames = ['', '.json', '.yaml', '.yml', '.js', '.cjs', '.mjs'].map((ext) => engineDefaults.rcName + ext)

/** The starter: a preset and an empty `rules` map, the two keys a project changes first. */
export function configStarter(preset: string): string {
  return JSON.stringify({extends: preset, rules: {}}, null, 2) + '\n'
}

/**
 * `spec-lint init --config`: write a `.speclintrc.json` starter in the
 * working folder. An existing configuration file is left alone unless
 * `--force`.
 */
export async function initConfig(argv: string[], cwd = process.cwd()): Promise<number> {
  let values: {preset?: string; force?: boolean}
  try {
    ;({values} = parseArgs({args: argv, strict: true, options: {preset: {type: 'string'}, force: {type: 'boolean', short: 'f'}}}))
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0]
    process.stderr.write(`spec-lint: ${reason}; usage: ${usage}\n`)
    return 2
  }
  const preset = values.preset ?? 'recommended'
  if (!(preset in presets)) {
    process.stderr.write(
      `spec-lint: Unexpected preset \`${preset}\`, expected ${Object.keys(presets)
        .map((p) => `\`${p}\``)
        .join(' or ')}; usage: ${usage}\n`
    )
    return 2
  }
  const existing = configNames.find((name) => fs.existsSync(path.join(cwd, name)))
  if (existing && !values.force) {
    process.stderr.write(`spec-lint: ${existing}: already exists, not overwritten (\`--force\` replaces it with \`.speclintrc.json\`)\n`)
    return 1
  }
  if (existing && existing !== '.speclintrc.json') fs.rmSync(path.join(cwd, existing))
  await writeFileAtomic(path.join(cwd, '.speclintrc.json'), configStarter(preset))
  process.stdout.write(`wrote .speclintrc.json (extends \`${preset}\`; \`spec-lint rules\` lists rule ids to set)\n`)
  return 0
}
