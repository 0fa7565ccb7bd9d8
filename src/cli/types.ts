import type {OwnValues} from './flags.js'
import type {ParsedArgv} from './unified-argv.js'

/** A subcommand (`model`, `plan`, …): its own argv, its exit code. */
export interface Command {
  name: string
  usage: string
  summary: string
  run(argv: string[]): Promise<number>
}

/** A lint mode that replaces the plain run (`--fix`, `--format`). */
export type Mode = (parsed: ParsedArgv, own: OwnValues) => Promise<number>
