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
  {long: 'fix', description: 'apply every fixable message\'s fix in place, lint again (up to 10 passes), report what is left'},
  {long: 'format', description: 'rewrite specs in the canonical form (with --fix: fix, then format)'},
  {long: 'check', description: 'with --format: write nothing, list the files that would change, exit 1 if any'},
  {long: 'dry-run', description: 'with --fix: write nothing, print the fixed text'},
  {long: 'diff', description: 'with --fix or --format: write nothing, print a unified diff'},
  {long: 'cache', description: 'reuse results of unchanged files from the last run'},
  {long: 'cache-location', value: 'path', description: 'where `--cache` keeps results (default `.speclintcache`; a folder when it ends in `/`)'},
  {long: 'max-size', value: 'size', description: 'refuse specs larger than this before parsing (default `10mb`, less on a heap under 12 GB; e.g. `50mb`)'}
]

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
