#!/usr/bin/env node
import {createUnifiedLanguageServer} from 'unified-language-server'
import {engineDefaults} from '../engine/engine.js'
import {packageInfo} from '../engine/package-info.js'
import {processor} from './processor.js'

const usage = 'Usage: spec-lint-language-server --stdio (or --node-ipc, --socket=<port>, --pipe=<name>)'
const args = process.argv.slice(2)

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${usage}\n\n  The spec-lint language server: diagnostics, quick fixes and formatting for specs.\n`)
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(packageInfo.version + '\n')
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) {
  process.stderr.write(`spec-lint-language-server: missing transport; ${usage}\n`)
  process.exitCode = 2
} else {
  createUnifiedLanguageServer({
    configurationSection: 'specLint',
    ignoreName: engineDefaults.ignoreName,
    pluginPrefix: engineDefaults.pluginPrefix,
    // Always this package's processor: an absolute URL resolves to itself, so
    // the server never goes looking for a workspace copy.
    processorName: new URL('processor.js', import.meta.url).href,
    processorSpecifier: 'processor',
    defaultProcessor: processor
  })
}
