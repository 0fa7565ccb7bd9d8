import {linearDocument} from '../plan/linear.js'
import {pushToLinear, PushError} from '../plan/linear-push.js'
import type {GraphqlRequest, PushResult} from '../plan/linear-push.js'
import {parseSpec} from '../parse/index.js'
import {readSpecFile} from '../parse/read.js'
import type {Command} from './types.js'
import {runEdit, splitArgs, usageError} from './edit-run.js'

const usage = 'spec-lint linear push <spec> --team <key>'

/** @linear/sdk's GraphQL client, loaded only here: no other command touches the network. */
async function linearRequest(apiKey: string): Promise<GraphqlRequest> {
  const {LinearClient} = await import('@linear/sdk')
  // LINEAR_API_URL points at another endpoint (a proxy, a local stand-in); the SDK allows plain HTTP only to localhost.
  const client = new LinearClient({apiKey, apiUrl: process.env.LINEAR_API_URL || undefined})
  return <T>(document: string, variables: Record<string, unknown>) => client.client.request<T, Record<string, unknown>>(document, variables)
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  )
}

export const linearCommand: Command = {
  name: 'linear',
  usage,
  summary: 'with `LINEAR_API_KEY`: create a plan’s chunks as Linear issues (labels, blocked-by relations) and write their ids back',
  async run(argv) {
    const [action, ...rest] = argv
    if (action !== 'push') return usageError(usage, action === undefined ? 'missing `push`' : `unknown action \`${action}\``)
    const {positional, flags, unknown} = splitArgs(rest, [], ['--team'])
    if (unknown) return usageError(usage, `unknown option \`${unknown}\``)
    if (positional.length !== 1) return usageError(usage, positional.length === 0 ? 'missing spec file' : 'expected one spec file')
    const team = flags.get('--team')
    if (typeof team !== 'string' || team.trim() === '') return usageError(usage, 'missing `--team`')
    const apiKey = process.env.LINEAR_API_KEY
    if (!apiKey) {
      process.stderr.write(
        'spec-lint: Missing `LINEAR_API_KEY`, expected a Linear API key in the environment (Settings → Security & access → Personal API keys)\n'
      )
      return 2
    }
    const file = positional[0] as string
    let value: string
    try {
      value = await readSpecFile(file)
    } catch (error) {
      process.stderr.write(`spec-lint: ${message(error)}\n`)
      return 1
    }
    const doc = linearDocument(parseSpec({value, path: file}).spec, file)
    const result: PushResult = {created: {}, skipped: [], relations: 0}
    let failure: string | undefined
    try {
      await pushToLinear(doc, team, await linearRequest(apiKey), result)
    } catch (error) {
      failure = error instanceof PushError ? error.message : `Linear: ${message(error)}`
    }
    const links = Object.entries(result.created).map(([chunk, issueId]) => ({chunk, issueId}))
    for (const {chunk, issueId} of links) process.stdout.write(`${file}: created ${issueId} for \`${chunk}\`\n`)
    if (result.skipped.length > 0)
      process.stdout.write(`${file}: skipped ${result.skipped.length} already linked ${result.skipped.length === 1 ? 'chunk' : 'chunks'}\n`)
    if (result.relations > 0) process.stdout.write(`${file}: ${result.relations} blocked-by ${result.relations === 1 ? 'relation' : 'relations'}\n`)
    // The ids go back even after a failure: an issue created and not written back would be created again.
    let code = links.length > 0 ? await runEdit(file, {kind: 'link', links}, {force: true}) : 0
    if (failure) {
      process.stderr.write(`spec-lint: ${file}: ${failure}\n`)
      code = 1
    }
    return code
  }
}
