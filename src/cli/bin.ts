#!/usr/bin/env node
import {fileURLToPath} from 'node:url'
import {fail} from '../engine/errors.js'
import {respawn, wantsRespawn} from './respawn.js'

process.on('uncaughtException', (error) => fail(error))
process.on('unhandledRejection', (error) => fail(error))

const argv = process.argv.slice(2)

async function start(): Promise<number> {
  // Before loading the CLI: a respawned run should not pay for loading it twice.
  if (wantsRespawn(argv)) {
    const code = await respawn(fileURLToPath(import.meta.url), argv)
    if (code >= 0) return code
  }
  const {main} = await import('./main.js')
  return main(argv)
}

start().then(
  (code) => {
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code
  },
  (error: unknown) => fail(error)
)
