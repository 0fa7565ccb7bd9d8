import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {slugify} from '../model/text.js'
import {readDiscovery} from '../discovery/index.js'
import {lint} from '../engine/lint.js'
import {projectInfo} from '../init/project.js'
import {scaffoldSpec} from '../init/index.js'
import {describeWorkType, isAgentType, isWorkType, workTypes} from '../init/work-type.js'
import {writeFileAtomic as writeAtomic} from '../edit/write-atomic.js'
import type {Command} from './types.js'
import {firstLine} from '../engine/errors.js'
import {readSpecFile} from '../parse/read.js'

/** Exit code when the work belongs to agent-spec-builder. */
export const EXIT_AGENT_WORK = 3

const usage = 'spec-lint init <discovery.md> [-o <path>] [--type <type>] [--repo <name>] [--date YYYY-MM-DD] [--force] | spec-lint init --title "<Work Title>"'

export const initCommand: Command = {
  name: 'init',
  usage: 'spec-lint init <discovery.md> [-o <path>] | --title "<Work Title>" | --config',
  summary: 'scaffold a spec from a discovery document (or a blank template for a title); `--config` writes a `.speclintrc.json` starter',
  async run(argv) {
    try {
      return await runInit(argv)
    } catch (error) {
      process.stderr.write(`spec-lint: ${firstLine(error instanceof Error ? error.message : String(error))}\n`)
      return 1
    }
  }
}

function usageError(reason: string): number {
  process.stderr.write(`spec-lint: ${reason}; usage: ${usage}\n`)
  return 2
}

/** Today as the local calendar date, the day `meta-created` compares with. */
function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

async function runInit(argv: string[]): Promise<number> {
  if (argv[0] === '--config') return (await import('./init-config.js')).initConfig(argv.slice(1))
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: {type: 'string', short: 'o'},
        type: {type: 'string'},
        repo: {type: 'string'},
        date: {type: 'string'},
        title: {type: 'string'},
        force: {type: 'boolean', short: 'f'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    // node:util's messages run on with advice about `--`; keep their first sentence.
    const message = firstLine(error instanceof Error ? error.message : String(error))
    const unknown = /^Unknown option '([^']+)'/.exec(message)
    return usageError(unknown ? `unexpected option \`${unknown[1]}\`` : (message.split(/\.\s/)[0] ?? message).replace(/\.$/, ''))
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`)
    return 0
  }
  if (positionals.length > 1) return usageError(`expected one discovery document, got ${positionals.length}`)
  const input = positionals[0]
  if (input === undefined && values.title === undefined) return usageError('expected a discovery document or `--title`')
  if (values.title !== undefined && !values.title.trim()) return usageError('empty `--title`')
  if (values.type !== undefined && !isWorkType(values.type)) {
    return usageError(`unexpected type \`${values.type}\`, expected one of ${workTypes.map((t) => `\`${t}\``).join(', ')}`)
  }
  if (values.date !== undefined && !isCalendarDate(values.date)) return usageError(`unexpected date \`${values.date}\`, expected \`YYYY-MM-DD\``)
  // Checked as `meta-created` checks Created, so the scaffold never fails it.
  if (values.date !== undefined && values.date > today()) {
    return usageError(`unexpected date \`${values.date}\` in the future, expected today (\`${today()}\`) or earlier`)
  }

  const source = input === undefined ? undefined : await readSpecFile(input)
  const fallbackTitle = input === undefined ? undefined : titleFromFile(input)
  // The output folder decides the repo, and the default output needs the title: read the title first.
  const doc = source === undefined ? undefined : readDiscovery(source)
  const title = (values.title ?? doc?.title ?? fallbackTitle ?? '').trim()
  if (!title) return usageError('no title: the discovery document has no `# Title`; pass `--title`')
  const fileName = `${slugify(title) || 'spec'}.md`
  // `-o` naming a folder (existing, or written with a trailing slash) gets the default file name.
  const output =
    values.output === undefined
      ? path.join('specs', fileName)
      : /[\\/]$/.test(values.output) || isFolder(values.output)
        ? path.join(values.output, fileName)
        : values.output
  const outputDir = path.dirname(path.resolve(output))
  const {markdown, workType, blank} = scaffoldSpec({
    source,
    doc,
    title,
    type: values.type !== undefined && isWorkType(values.type) ? values.type : undefined,
    project: projectInfo(outputDir, values.repo, doc ? headerRepo(doc.headers) : undefined),
    created: values.date ?? today(),
    discoveryPath: input === undefined ? undefined : citedPath(input, outputDir)
  })
  if (blank && input !== undefined) {
    process.stderr.write(
      `spec-lint: ${input}: no discovery sections found (expected \`## Problem Statement\`, \`## Solution Overview\`, \`## Key Decisions\`, \`## Scope\`, …); writing the blank template\n`
    )
  }
  process.stdout.write(`type: ${describeWorkType(workType)}\n`)

  if (isAgentType(workType.type) && !values.force) {
    process.stderr.write(
      `spec-lint: ${input ?? title}: pure agent work, expected agent-spec-builder to write this spec; nothing written (\`--force\` writes it anyway, \`--type\` sets another type)\n`
    )
    return EXIT_AGENT_WORK
  }

  // lstat: a dangling symbolic link is there too, and writing would create its target.
  if (lexists(output)) {
    if (isFolder(output)) {
      process.stderr.write(`spec-lint: ${output}: is a folder, expected a file path for \`-o\`\n`)
      return 1
    }
    if (!values.force) {
      process.stderr.write(`spec-lint: ${output}: already exists, not overwritten (\`--force\` overwrites it)\n`)
      return 1
    }
  }

  await writeAtomic(output, markdown)
  // Counted by the rule itself, so the number is what `spec-lint` will list.
  const count = (await lint(markdown, {path: output})).messages.filter((m) => m.ruleId === 'no-placeholders').length
  process.stdout.write(`wrote ${output} (${count} placeholder${count === 1 ? '' : 's'} to fill)\n`)
  if (workType.type === 'hybrid') {
    // The format's Phase 4 handoff: the agent chunk is specified separately.
    process.stdout.write(`next: run agent-spec-builder${input === undefined ? '' : ` on ${input}`} for the \`Agent system\` chunk\n`)
  }
  return 0
}

function lexists(file: string): boolean {
  try {
    fs.lstatSync(file)
    return true
  } catch {
    return false
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory()
  } catch {
    return false
  }
}

/** The discovery document as the spec cites it: relative to the spec's folder (never absolute), `/`-separated. */
function citedPath(input: string, specDir: string): string {
  const relative = path.relative(specDir, path.resolve(input)).split(path.sep).join('/')
  return relative.startsWith('.') ? relative : `./${relative}`
}

/** The discovery document's own `Repo` header line, if it has one. */
function headerRepo(headers: Record<string, string>): string | undefined {
  const key = Object.keys(headers).find((name) => /^(?:repo|repository)$/i.test(name.trim()))
  return key ? headers[key] : undefined
}

/** `docs/auth-discovery.md` → `auth`, for a discovery document without an H1. */
function titleFromFile(file: string): string {
  return path
    .basename(file, path.extname(file))
    .replace(/[-_ ]?discovery$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim()
}
