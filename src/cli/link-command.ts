import fs from 'node:fs/promises'
import type {Command} from './types.js'
import {runEdit, splitArgs, usageError} from './edit-run.js'

const usage = 'spec-lint link <spec> <chunk> <ISSUE-ID> | --from <file.json>'

/** `{"<chunk key>": "NS-101", …}`, read with one clear message for each way it can be wrong. */
export async function readLinks(file: string): Promise<Array<{chunk: string; issueId: string}>> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    throw new Error(`${file}: cannot read, expected a JSON file of chunk keys to issue ids`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})`, {cause: error})
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${file}: Unexpected JSON value, expected an object such as \`{"C1": "NS-101"}\``)
  const links: Array<{chunk: string; issueId: string}> = []
  for (const [chunk, issueId] of Object.entries(value)) {
    if (typeof issueId !== 'string') throw new Error(`${file}: Unexpected value for \`${chunk}\`, expected an issue id string`)
    links.push({chunk, issueId})
  }
  return links
}

export const linkCommand: Command = {
  name: 'link',
  usage,
  summary: 'add or replace a chunk’s issue id (`(NS-101)` after its title), or many from a JSON map',
  async run(argv) {
    const {positional, flags, unknown} = splitArgs(argv, ['--force'], ['--from'])
    if (unknown) return usageError(usage, `unknown option \`${unknown}\``)
    const [file, chunk, issueId, ...extra] = positional
    if (file === undefined) return usageError(usage, 'missing spec file')
    const from = flags.get('--from')
    let links: Array<{chunk: string; issueId: string}>
    if (typeof from === 'string') {
      if (chunk !== undefined) return usageError(usage, 'expected a chunk and an issue id or `--from`, not both')
      try {
        links = await readLinks(from)
      } catch (error) {
        process.stderr.write(`spec-lint: ${error instanceof Error ? error.message : String(error)}\n`)
        return 1
      }
      if (links.length === 0) return usageError(usage, `\`${from}\` maps no chunk`)
    } else {
      if (chunk === undefined || issueId === undefined) return usageError(usage, chunk === undefined ? 'missing chunk' : 'missing issue id')
      if (extra.length > 0) return usageError(usage, `unexpected \`${extra[0]}\` after the issue id`)
      links = [{chunk, issueId}]
    }
    return runEdit(file, {kind: 'link', links}, {force: flags.has('--force')})
  }
}
