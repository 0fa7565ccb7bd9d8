import fs from 'node:fs'
import path from 'node:path'
import ignoreModule from 'ignore'
import type {PluggableList} from 'unified'
import {Configuration} from 'unified-engine'
import type {ConfigResult, Options as EngineOptions} from 'unified-engine'
import recommended from '../../presets/recommended.js'
import {transformConfig} from '../engine/config.js'
import {engineDefaults} from '../engine/engine.js'

export interface Setup {
  plugins: PluggableList
  settings: Record<string, unknown>
}

function load(configuration: Configuration, filePath: string): Promise<ConfigResult> {
  return new Promise((resolve, reject) => {
    configuration.load(filePath, (error, result) => {
      if (error || !result) reject(error ?? new Error(`No configuration for \`${filePath}\``))
      else resolve(result)
    })
  })
}

/**
 * The rules for one file, configured the way the CLI does: `.speclintrc*`
 * and the `specLint` package field through spec-lint's config transform,
 * the recommended preset when there is none. A fresh `Configuration` per run
 * (about 2 ms) picks up edits to config files without a watcher.
 */
export async function setupFor(filePath: string, cwd: string): Promise<Setup> {
  const configuration = new Configuration({
    cwd,
    rcName: engineDefaults.rcName,
    packageField: engineDefaults.packageField,
    pluginPrefix: engineDefaults.pluginPrefix,
    detectConfig: true,
    defaultConfig: recommended,
    configTransform: transformConfig as EngineOptions['configTransform']
  })
  const config = await load(configuration, filePath)
  const plugins: PluggableList = []
  for (const [plugin, options] of config.plugins) {
    if (options !== false) plugins.push(options === undefined ? [plugin] : [plugin, options])
  }
  return {plugins, settings: {...config.settings}}
}

/**
 * The rules for each file, loaded at most once per `maxAge` ms: loading
 * reads every configuration candidate up to the file system root (about
 * 5 ms), which is a keystroke's whole budget. A change the client reports
 * (watched files, settings) clears it at once; an edit to a configuration
 * file it does not report takes effect within `maxAge`.
 */
export class SetupCache {
  private readonly entries = new Map<string, {setup: Promise<Setup>; at: number}>()

  constructor(private readonly maxAge = 2000) {}

  get(filePath: string, cwd: string): Promise<Setup> {
    const key = `${cwd}\u0000${filePath}`
    const now = performance.now()
    const known = this.entries.get(key)
    if (known && now - known.at < this.maxAge) return known.setup
    const setup = setupFor(filePath, cwd)
    this.entries.set(key, {setup, at: now})
    // A failed load is not kept: the next run tries again (and reports again).
    setup.catch(() => this.entries.delete(key))
    return setup
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * Whether `.speclintignore` (the closest one up from the file, patterns
 * relative to its folder, as unified-engine reads it) ignores the file.
 */
export function isIgnored(filePath: string): boolean {
  let directory = path.dirname(filePath)
  for (;;) {
    const candidate = path.join(directory, engineDefaults.ignoreName)
    let patterns: string | undefined
    try {
      patterns = fs.readFileSync(candidate, 'utf8')
    } catch {
      patterns = undefined
    }
    if (patterns !== undefined) {
      const relative = path.relative(directory, filePath)
      return relative !== '' && !relative.startsWith('..') && ignoreModule.default().add(patterns).ignores(relative)
    }
    const parent = path.dirname(directory)
    if (parent === directory) return false
    directory = parent
  }
}
