import path from 'node:path'
import v8 from 'node:v8'
import type {Context} from 'unified-engine'
import {rules} from '../../rules/index.js'
import {specProcessor} from '../parse/processor.js'
import {packageInfo} from '../engine/package-info.js'
import {resolveReporter} from '../report/index.js'
import {LintCache, leanRun} from '../engine/cache.js'
import {allCommands, loadCommand} from './commands.js'
import {formatSize, parseSize} from '../parse/limits.js'
import {engineDefaults, engineOptions, runEngine, setInputLimits} from '../engine/engine.js'
import {fail, firstLine} from '../engine/errors.js'
import {describeFlags, extractOwnFlags, ownFlags} from './flags.js'
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
    // Parsing holds ~90 bytes of syntax tree and events per byte of input;
    // past the heap that is an out-of-memory abort, not a clear message.
    const ceiling = Math.floor(v8.getHeapStatistics().heap_size_limit / 128)
    if (bytes > ceiling) {
      fail(new Error(`Unexpected \`--max-size\` of ${formatSize(bytes)}, expected at most ${formatSize(ceiling)} with this heap (raise it with \`NODE_OPTIONS=--max-old-space-size=<mb>\`)`), 2)
      return 2
    }
    setInputLimits({maxSize: bytes})
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
  parsed.engine.reporter = resolveReporter(parsed.engine.reporter) as typeof parsed.engine.reporter
  const files = parsed.engine.files ?? []
  if (files.length === 0 && process.stdin.isTTY) {
    process.stderr.write('spec-lint: no input, expected a path or glob (`spec-lint specs/*.md`); see `spec-lint --help`\n')
    return 2
  }

  for (const mode of modes) {
    if (mode.when(own)) return (await mode.load())(parsed, own)
  }

  const cache = own.cache || own['cache-location'] ? openCache(parsed, own) : undefined
  const options = leanRun(engineOptions(parsed.engine), cache)
  const {code, context} = await runEngine(options)
  saveCache(cache)
  // `--silently-ignore` (the pre-commit hooks) asks for no complaint when every given file is ignored.
  if (files.length > 0 && context && context.files.length === 0 && !parsed.engine.silentlyIgnore) {
    process.stderr.write(`spec-lint: no Markdown files found in ${files.map((f) => `\`${f}\``).join(', ')}\n`)
    return 1
  }
  if (parsed.args.watch && context) return watch(options, context)
  return code
}

function openCache(parsed: ParsedArgv, own: OwnValues): LintCache {
  const cwd = String(parsed.engine.cwd ?? process.cwd())
  const location = typeof own['cache-location'] === 'string' ? own['cache-location'] : '.speclintcache'
  return new LintCache(path.resolve(cwd, location), version)
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
    'Usage: spec-lint [options] [path | glob ...]',
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
    unifiedHelp.replace(/\n\nExamples:[\s\S]*$/, ''),
    '',
    'Configuration: .speclintrc, .speclintrc.json, .speclintrc.yaml, .speclintrc.js, or `specLint` in package.json',
    '(`{"extends": "recommended" | "strict", "rules": {"<rule-id>": ["error", {…}]}}`); ignores: .speclintignore.',
    'With no configuration the recommended preset applies. `--no-config` skips configuration files.',
    '',
    'Rules:',
    '',
    ...rules.map((r) => `  ${r.rule.id.padEnd(ruleWidth)}  ${r.rule.summary.replace(/`/g, '')}`),
    '',
    'Examples:',
    '',
    '  $ spec-lint specs/*.md',
    '  $ spec-lint --report json specs/auth.md',
    '  $ spec-lint model specs/auth.md',
    '  $ spec-lint init docs/auth-discovery.md',
    '  $ spec-lint --fix specs/*.md',
    '  $ spec-lint --format --check specs/',
    ''
  ].join('\n')
}

export {firstLine}
