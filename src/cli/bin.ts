#!/usr/bin/env node
import {fail} from './fail.js'
import {main} from './main.js'

process.on('uncaughtException', (error) => fail(error))
process.on('unhandledRejection', (error) => fail(error))

main(process.argv.slice(2)).then(
  (code) => {
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code
  },
  (error: unknown) => fail(error)
)
