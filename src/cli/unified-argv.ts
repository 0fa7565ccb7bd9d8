import type {Options as EngineOptions} from 'unified-engine'

/**
 * unified-args' own argv parser. unified-args only exports `args()`, which
 * takes over the process (it reads `process.argv`, prints stacks and cannot
 * pass `defaultConfig` or `configTransform` to the engine), so spec-lint
 * parses with the same flag table and drives the engine itself.
 */
export interface ParsedArgv {
  args: {help: boolean; helpMessage: string; version: boolean; watch: boolean}
  engine: EngineOptions
}

type ParseArgv = (flags: string[], options: Record<string, unknown>) => ParsedArgv

let cached: ParseArgv | undefined

export async function loadParseArgv(): Promise<ParseArgv> {
  if (cached) return cached
  const entry = import.meta.resolve('unified-args')
  const module = (await import(new URL('lib/parse-argv.js', entry).href)) as {parseArgv: ParseArgv}
  cached = module.parseArgv
  return cached
}
