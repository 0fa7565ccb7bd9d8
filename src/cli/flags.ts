/**
 * spec-lint's own flags, taken out of argv before unified-args' parser
 * (which rejects flags it does not know).
 */
export interface OwnFlag {
  long: string
  short?: string
  /** A flag that takes a value (`--flag value` or `--flag=value`). */
  value?: string
  description: string
}

export const ownFlags: OwnFlag[] = [
  {long: 'fix', description: "apply every fixable message's fix in place, lint again (up to 10 passes), report what is left"},
  {long: 'format', description: 'rewrite specs in the canonical form (with --fix: fix, then format)'},
  {long: 'check', description: 'with --format: write nothing, list the files that would change, exit 1 if any'},
  {long: 'dry-run', description: 'with --fix: write nothing, print the fixed text'},
  {long: 'diff', description: 'with --fix or --format: write nothing, print a unified diff'},
  {long: 'stdin', description: 'lint standard input (as does the path `-`); without paths, `specs/` is linted'},
  {long: 'output-file', value: 'path', description: 'write the report to this file instead of standard error (valid JSON or SARIF whatever happens)'},
  {long: 'max-warnings', value: 'n', description: 'exit 1 when there are more than n warnings'},
  {long: 'print-config', value: 'file', description: 'print the rules and options that apply to this file, as JSON, and exit'},
  {long: 'cache', description: 'reuse results of unchanged files from the last run'},
  {long: 'cache-location', value: 'path', description: 'where `--cache` keeps results (default `.speclintcache`; a folder when it ends in `/`)'},
  {long: 'max-size', value: 'size', description: 'refuse specs larger than this before parsing (default `10mb`, less on a heap under 12 GB; e.g. `50mb`)'}
]

/**
 * unified-args flags spec-lint does not support: a linter writes no
 * document or syntax tree (`--format` rewrites specs, `spec-lint model`
 * prints the typed model).
 */
export const removedFlags: Record<string, string> = {
  '-o': 'a linter writes no document; use `--format` to rewrite specs or `--output-file` for the report',
  '--output': 'a linter writes no document; use `--format` to rewrite specs or `--output-file` for the report',
  '--inspect': 'use `spec-lint model <file>` for the typed model',
  '-t': 'spec-lint reads and writes Markdown only',
  '--tree': 'spec-lint reads and writes Markdown only',
  '--tree-in': 'spec-lint reads Markdown only',
  '--tree-out': 'use `spec-lint model <file>` for the typed model'
}

export function removedFlag(argv: string[]): {flag: string; reason: string} | undefined {
  for (const arg of argv) {
    if (arg === '--') return undefined
    const name = arg.split('=')[0] as string
    const reason = removedFlags[name] ?? (/^-o./.test(arg) ? removedFlags['-o'] : undefined)
    if (reason) return {flag: name.startsWith('-o') && !name.startsWith('--') ? '-o' : name, reason}
  }
  return undefined
}

/** unified-args' help without the lines of removed flags. */
export function withoutRemovedFlags(help: string): string {
  return help
    .split('\n')
    .filter((line) => !/^\s+(?:-[a-z]\s+)?--(?:output|inspect|tree|tree-in|tree-out)(?![\w-]*-file)\b/.test(line))
    .join('\n')
}

export type OwnValues = Record<string, string | boolean | undefined>

export function extractOwnFlags(argv: string[], flags: OwnFlag[] = ownFlags): {own: OwnValues; rest: string[]} {
  const own: OwnValues = {}
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    const [name, inline] = arg.startsWith('--') ? (arg.slice(2).split(/=(.*)/s) as [string, string?]) : [undefined, undefined]
    const flag = flags.find((f) => (name !== undefined && f.long === name) || (f.short !== undefined && arg === `-${f.short}`))
    if (!flag) {
      rest.push(arg)
      continue
    }
    if (flag.value === undefined) own[flag.long] = true
    else if (inline !== undefined) own[flag.long] = inline
    else {
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('-')) throw new Error(`Missing value for \`--${flag.long}\`, expected ${flag.value}`)
      own[flag.long] = next
      i++
    }
  }
  return {own, rest}
}

export function describeFlags(flags: OwnFlag[] = ownFlags): string {
  const rows = flags.map((flag) => {
    const names = (flag.short ? `-${flag.short}  ` : '    ') + `--${flag.long}` + (flag.value ? ` <${flag.value}>` : '')
    return [names, flag.description] as const
  })
  const width = Math.max(0, ...rows.map(([names]) => names.length))
  return rows.map(([names, description]) => `  ${names.padEnd(width)}  ${description}`).join('\n')
}
