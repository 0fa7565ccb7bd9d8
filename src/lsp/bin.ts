#!/usr/bin/env node
import {createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver/node.js'
import {packageInfo} from '../engine/package-info.js'
import {checkedFrames} from './framing.js'
import {startServer} from './server.js'

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
  // Lint messages are Errors whose stacks are never shown; capturing them cost a fifth of a lint.
  Error.stackTraceLimit = 0
  serve()
}

function serve(): void {
  if (args.includes('--stdio')) {
    const input = checkedFrames(process.stdin, (reason) => {
      // Nothing more can be read in step with the client: say why and stop.
      process.stderr.write(`spec-lint-language-server: ${reason}; exiting\n`, () => process.exit(1))
    })
    startServer(createConnection(new StreamMessageReader(input), new StreamMessageWriter(process.stdout)))
  } else {
    startServer(createConnection(ProposedFeatures.all))
  }
}
