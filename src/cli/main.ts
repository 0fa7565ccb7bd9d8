import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Context} from 'unified-engine'
import {rules} from '../../rules/index.js'
import {specProcessor} from '../parse/processor.js'
import {packageInfo} from '../engine/package-info.js'
import {resolveReporter} from '../report/index.js'
import {CacheLocationError, LintCache, cacheFile, leanRun} from '../engine/cache.js'
import {createPool, pooledRun, workerCount} from '../engine/pool.js'
import {allCommands, loadCommand} from './commands.js'
import {formatSize, heapSizeCeiling, parseSize} from '../parse/limits.js'
import {engineDefaults, engineOptions, runEngine, setInputLimits} from '../engine/engine.js'
import {fail, firstLine} from '../engine/errors.js'
import {describeFlags, extractOwnFlags, ownFlags, removedFlag, withoutRemovedFlags} from './flags.js'
import {lintRun} from './lint-run.js'
import type {OwnValues} from './flags.js'
import {loadParseArgv} from './unified-argv.js'
import type {ParsedArgv} from './unified-argv.js'
import type {Mode} from './types.js'

const version = packageInfo.version
const description = 'Lint, fix and format implementation specs (general-spec-builder format)'

/**
 * A mode takes over a run when one of its own flags is set (`--fix`,
 * `--format`); it gets the parsed engine options and resolves to an exit code.
 */
export const modes: Array<{when: (own: OwnValues) => boolean; load: () => Promise<Mode>}> = [
  {when: (own) => Boolean(own.fix), load: async () => (await import('./fix-mode.js')).fixMode},
  {when: (own) => Boolean(own.format), load: async () => (await import('./format-mode.js')).formatMode},
  {when: (own) => Boolean(own.check || own['dry-run'] || own.diff), load: async () => (await import('./fix-mode.js')).misusedFlag}
]

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first !== undefined && !first.startsWith('-')) {
    const command = await loadCommand(first)
    if (command) return command.run(rest)
  }

  const removed = removedFlag(argv)
  if (removed) {
    process.stderr.write(`spec-lint: Unexpected \`${removed.flag}\`, not supported: ${removed.reason}; see \`spec-lint --help\`\n`)
    return 2
  }
  let own: OwnValues
  let engineArgv: string[]
  try {
    ;({own, rest: engineArgv} = extractOwnFlags(argv))
  } catch (error) {
    fail(new Error(`${firstLine(error instanceof Error ? error.message : String(error))}; see \`spec-lint --help\``), 2)
    return 2
  }
  const maxSize = own['max-size']
  if (maxSize !== undefined) {
    const bytes = typeof maxSize === 'string' ? parseSize(maxSize) : undefined
    if (bytes === undefined) {
      fail(new Error(`Unexpected \`--max-size\` value \`${String(maxSize)}\`, expected a size such as \`10mb\`, \`512kb\` or a byte count`), 2)
      return 2
    }
    // Parsing holds up to ~1,000 bytes of syntax tree and events per byte of
    // input; past the heap that is an out-of-memory abort, not a clear message.
    const ceiling = heapSizeCeiling()
    if (bytes > ceiling) {
      fail(
        new Error(
          `Unexpected \`--max-size\` of ${formatSize(bytes)}, expected at most ${formatSize(ceiling)} with this heap (raise it with \`NODE_OPTIONS=--max-old-space-size=<mb>\`)`
        ),
        2
      )
      return 2
    }
    setInputLimits({maxSize: bytes})
  }
  const maxWarnings = own['max-warnings']
  if (maxWarnings !== undefined && !(typeof maxWarnings === 'string' && /^\d+$/.test(maxWarnings))) {
    fail(new Error(`Unexpected \`--max-warnings\` value \`${String(maxWarnings)}\`, expected a whole number such as \`0\``), 2)
    return 2
  }
  const parseArgv = await loadParseArgv()
  let parsed: ParsedArgv
  try {
    parsed = parseArgv(engineArgv, {...engineDefaults, name: 'spec-lint', description, version, processor: specProcessor()})
  } catch (error) {
    const reason = firstLine(error instanceof Error ? error.message : String(error)).replace(/,? expected:?$/, '')
    fail(new Error(`${reason}; see \`spec-lint --help\``), 2)
    return 2
  }
  if (parsed.args.help) {
    process.stdout.write(await helpText(parsed.args.helpMessage))
    return 0
  }
  if (parsed.args.version) {
    process.stdout.write(version + '\n')
    return 0
  }
  if (typeof own['print-config'] === 'string') {
    const {printConfig} = await import('./print-config.js')
    return printConfig(own['print-config'], parsed.engine)
  }
  const input = inputOf(parsed.engine.files ?? [], Boolean(own.stdin), String(parsed.engine.cwd ?? process.cwd()))
  if ('error' in input) {
    process.stderr.write(`spec-lint: ${input.error}; see \`spec-lint --help\`\n`)
    return 2
  }
  parsed.engine.files = input.files
  const files = input.files
  // The name as given, for the lint run's own reporting; the engine gets the resolved reporter.
  const reporterName = typeof parsed.engine.reporter === 'string' ? parsed.engine.reporter : undefined
  parsed.engine.reporter = resolveReporter(parsed.engine.reporter) as typeof parsed.engine.reporter

  // `--fix` and `--format` write their own report and listing: these flags would be ignored there, so they are refused.
  const lintOnly = (['output-file', 'max-warnings'] as const).find((flag) => own[flag] !== undefined)
  if (lintOnly && (own.fix || own.format)) {
    process.stderr.write(
      `spec-lint: Unexpected \`--${lintOnly}\` with \`--${own.fix ? 'fix' : 'format'}\`, expected it on a lint run; see \`spec-lint --help\`\n`
    )
    return 2
  }
  for (const mode of modes) {
    if (mode.when(own)) return (await mode.load())(parsed, own)
  }

  let cache: LintCache | undefined
  try {
    cache = own.cache || own['cache-location'] ? openCache(parsed, own) : undefined
  } catch (error) {
    if (!(error instanceof CacheLocationError)) throw error
    fail(error, 2)
    return 2
  }
  const plain = engineOptions(parsed.engine)
  const lean = leanRun(plain, cache)
  if (parsed.args.watch) {
    const {context} = await runEngine(lean)
    saveCache(cache)
    return context ? watch(lean, context) : 2
  }
  const patterns = files.filter((f): f is string => typeof f === 'string')
  // Both cores for large plain runs; output modes and small runs stay on one thread.
  const threads = lean !== plain ? workerCount(patterns) : 0
  const pool = threads > 1 ? await createPool(threads) : undefined
  const options = pool ? pooledRun(plain, lean, pool, cache) : lean
  let code: number
  try {
    code = await lintRun(options, {
      reporter: reporterName,
      outputFile: typeof own['output-file'] === 'string' ? own['output-file'] : undefined,
      maxWarnings: typeof maxWarnings === 'string' ? Number(maxWarnings) : undefined,
      // `--silently-ignore` (the pre-commit hooks) asks for no complaint when every given file is ignored.
      patterns
    })
  } finally {
    await pool?.close()
  }
  saveCache(cache)
  return code
}

/**
 * What to lint: the paths given; standard input only when asked (`-` or
 * `--stdin`, as ESLint does), so an empty `$CHANGED` does not lint an
 * empty stdin; with neither, the `specs/` folder.
 */
export function inputOf(files: ReadonlyArray<string | URL | VFile>, stdin: boolean, cwd: string): {files: Array<string | URL | VFile>} | {error: string} {
  const dash = files.filter((f) => f === '-').length
  const paths = files.filter((f) => f !== '-')
  if (stdin || dash > 0) {
    if (paths.length > 0) return {error: 'Unexpected paths with standard input (`-` or `--stdin`), expected one or the other'}
    return {files: []}
  }
  if (paths.length > 0) return {files: paths}
  if (fs.existsSync(path.join(cwd, 'specs'))) return {files: ['specs']}
  return {error: 'No input: no paths given and no `specs/` folder, expected a path or glob (`spec-lint specs/*.md`) or `-` for standard input'}
}

function openCache(parsed: ParsedArgv, own: OwnValues): LintCache {
  const cwd = String(parsed.engine.cwd ?? process.cwd())
  const location = cacheFile(cwd, typeof own['cache-location'] === 'string' ? own['cache-location'] : undefined)
  return new LintCache(location, version, cwd)
}

function saveCache(cache: LintCache | undefined): void {
  try {
    cache?.save()
  } catch (error) {
    // Results are already reported; a cache that cannot be written only costs the next run.
    process.stderr.write(`spec-lint: cannot write cache \`${cache?.location}\` (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`)
  }
}

async function watch(options: ReturnType<typeof engineOptions>, context: Context): Promise<number> {
  const {default: chokidar} = await import('chokidar')
  process.stderr.write('Watching... (press CTRL+C to exit)\n')
  const watcher = chokidar.watch(context.fileSet.origins, {cwd: String(options.cwd ?? process.cwd()), ignoreInitial: true})
  watcher.on('change', (filePath: string) => {
    runEngine({...options, files: [filePath]}).then(
      ({code}) => {
        process.exitCode = code
      },
      (error: unknown) => fail(error)
    )
  })
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => {
      process.stderr.write('\n')
      void watcher.close().then(resolve)
    })
  })
  return Number(process.exitCode ?? 0)
}

async function helpText(unifiedHelp: string): Promise<string> {
  const commands = await allCommands()
  const width = Math.max(...commands.map((c) => c.usage.length))
  const ruleWidth = Math.max(...rules.map((r) => r.rule.id.length))
  return [
    'Usage: spec-lint [options] [path | glob ... | -]',
    '       spec-lint <command> [arguments]',
    '',
    `  ${description}`,
    '',
    'Commands:',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    ...(ownFlags.length > 0 ? ['spec-lint options:', '', describeFlags(), ''] : []),
    'Options (unified-args):',
    '',
    withoutRemovedFlags(unifiedHelp.replace(/\n\nExamples:[\s\S]*$/, '')),
    '',
    'Configuration: .speclintrc, .speclintrc.json, .speclintrc.yaml, .speclintrc.js, or `specLint` in package.json',
    '(`{"extends": "recommended" | "strict", "rules": {"<rule-id>": ["error", {…}]}}`); ignores: .speclintignore.',
    'With no configuration the recommended preset applies. `--no-config` skips configuration files.',
    '',
    'Exit codes: 0 no errors (and warnings within `--max-warnings`), 1 lint errors or too many warnings,',
    '2 a usage, configuration or internal error (an unknown flag or reporter, a path that matches nothing).',
    '',
    'Rules:',
    '',
    ...rules.map((r) => `  ${r.rule.id.padEnd(ruleWidth)}  ${r.rule.summary.replace(/`/g, '')}`),
    '',
    'Examples:',
    '',
    '  $ spec-lint',
    '  $ spec-lint specs/*.md',
    '  $ spec-lint --report sarif --output-file spec-lint.sarif specs/',
    '  $ cat specs/auth.md | spec-lint --stdin',
    '  $ spec-lint --print-config specs/auth.md',
    '  $ spec-lint rules',
    '  $ spec-lint --report json specs/auth.md',
    '  $ spec-lint model specs/auth.md',
    '  $ spec-lint init docs/auth-discovery.md',
    '  $ spec-lint --fix specs/*.md',
    '  $ spec-lint --format --check specs/',
    ''
  ].join('\n')
}

export {firstLine}
