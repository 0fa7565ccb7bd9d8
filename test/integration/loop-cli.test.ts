import {execFile} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {nextDocumentSchema} from '../../src/plan/brief.js'
import {linearDocumentSchema} from '../../src/plan/linear.js'
import {bin, run} from '../helpers/cli.js'

/*
 * The loop commands as a loop runs them: on real files, through the built
 * CLI. `linear push` talks to a GraphQL stand-in on 127.0.0.1 started here
 * (Linear itself cannot run in a test); everything else is offline.
 */

const fixture = path.resolve(import.meta.dirname, '../../fixtures/loop/parcel-tracking.md')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-loop-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function copy(name: string, text = fs.readFileSync(fixture, 'utf8')): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

describe('done, link, set-status on a file', () => {
  test('link every chunk from JSON, then done: each write is lint-clean and touches only its bytes', () => {
    const file = copy('a.md')
    const original = fs.readFileSync(file, 'utf8')
    const links = path.join(dir, 'links.json')
    fs.writeFileSync(links, JSON.stringify({C1: 'HK-1', 'registration-api': 'HK-2', 'Signed delivery': 'HK-3'}))
    const linked = run(['link', file, '--from', links])
    expect(linked.stderr).toBe('')
    expect(linked.stdout).toBe(
      [
        `${file}: linked \`C1\` to \`HK-1\` (line 56)`,
        `${file}: linked \`C2\` to \`HK-2\` (line 65)`,
        `${file}: linked \`C3\` to \`HK-3\` (line 80)`,
        `${file}: lint clean`,
        ''
      ].join('\n')
    )
    expect(linked.code).toBe(0)
    const afterLink = fs.readFileSync(file, 'utf8')
    expect(afterLink).toBe(
      original
        .replace('**C1 Endpoint registry**', '**C1 Endpoint registry** (HK-1)')
        .replace('**C2 Registration API**', '**C2 Registration API** (HK-2)')
        .replace('**C3 Signed delivery**', '**C3 Signed delivery** (HK-3)')
    )

    const done = run(['done', file, 'C1'])
    expect(done.stdout).toBe(`${file}: ticked \`C1\` (line 56)\n${file}: Status \`draft\` → \`in-progress\` (line 9)\n${file}: lint clean\n`)
    expect(done.code).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toBe(afterLink.replace('| Status | draft |', '| Status | in-progress |').replace('- [ ] **C1', '- [x] **C1'))
  })

  test('an edit that would add lint messages is refused and the file left alone; --force writes it', () => {
    const file = copy('b.md')
    const before = fs.readFileSync(file, 'utf8')
    const refused = run(['done', file, 'C1'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      `spec-lint: ${file}: Unexpected 3 lint messages after the edit (ticked \`C1\` (line 56); Status \`draft\` → \`in-progress\` (line 9)), expected none new`
    )
    expect(refused.stderr).toContain('Missing issue id after chunk `C1 Endpoint registry`')
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
    const forced = run(['done', file, 'C1', '--force'])
    expect(forced.stdout).toContain('ticked `C1`')
    expect(forced.stderr).toContain('issue-ids')
    expect(forced.code).toBe(1)
  })

  test('refusals and usage errors: one line, a non-zero exit, no write', () => {
    const file = copy('c.md')
    const before = fs.readFileSync(file, 'utf8')
    expect(run(['done', file, 'Nope'])).toMatchObject({
      code: 1,
      stderr: `spec-lint: ${file}: Unknown chunk \`Nope\`, expected a chunk id, key, title or slug (\`C1\`, \`C2\`, \`C3\`)\n`
    })
    expect(run(['done', file])).toMatchObject({code: 2})
    expect(run(['link', file, 'C1'])).toMatchObject({code: 2})
    expect(run(['set-status', file, 'draft', '--auto'])).toMatchObject({code: 2})
    expect(run(['done', path.join(dir, 'missing.md'), 'C1']).stderr).toBe(`spec-lint: ${path.join(dir, 'missing.md')}: no such file\n`)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  })

  test('set-status --auto and done --criterion', () => {
    const all = fs
      .readFileSync(fixture, 'utf8')
      .replace('**C1 Endpoint registry**', '**C1 Endpoint registry** (HK-1)')
      .replace('**C2 Registration API**', '**C2 Registration API** (HK-2)')
      .replace('**C3 Signed delivery**', '**C3 Signed delivery** (HK-3)')
      .replace(/- \[ \] \*\*C/g, '- [x] **C')
      .replace('| Status | draft |', '| Status | in-progress |')
    const file = copy('d.md', all)
    for (const n of ['1', '2']) expect(run(['done', file, '--criterion', n]).code).toBe(0)
    expect(run(['done', file, '--criterion', 'All tests pass']).stdout).toContain('ticked criterion 3 (line 99)')
    const auto = run(['set-status', file, '--auto'])
    expect(auto.stdout).toBe(`${file}: Status \`in-progress\` → \`complete\` (line 9)\n${file}: lint clean\n`)
    expect(run(['undo', file, '--criterion', '3']).stdout).toContain('Status `complete` → `in-progress`')
  })
})

describe('next', () => {
  test('the ready chunk as a brief, and as JSON with its schema', () => {
    const text = run(['next', fixture])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe(
      [
        '## Next: C1 Endpoint registry',
        '',
        'Chunk `C1`, phase 1: Foundation (line 56)',
        '',
        '**Outcome:** Shop endpoints and their signing secrets are stored and rotated.',
        '',
        '**Stream:** hooks (Endpoint registry and delivery); owns `src/hooks/`',
        '',
        '**Skills:** backend-api, background-jobs',
        '',
        '**Tasks:**',
        '',
        '- Add the endpoint table with a hashed secret',
        '- Rotate a secret without dropping in-flight deliveries',
        '',
        '**Reference files:**',
        '',
        '- `src/feed/consumer.py` — Where carrier events arrive',
        '- `src/worker/queue.py` — How jobs are enqueued',
        '',
        '**Communication:**',
        '',
        '- hooks → api (After C1): The endpoint model and secret format',
        ''
      ].join('\n')
    )
    const json = nextDocumentSchema.parse(JSON.parse(run(['next', fixture, '--json']).stdout))
    expect(json.ready.map((b) => b.key)).toEqual(['C1'])
    expect(json.remaining).toBe(3)
    expect(JSON.parse(run(['next', '--schema']).stdout).$schema).toContain('2020-12')
    expect(JSON.parse(run(['next', fixture, '--json', '--stream', 'api']).stdout).ready).toEqual([])
  })

  test('the last chunk carries the acceptance criteria and the promise', () => {
    const file = copy('e.md', fs.readFileSync(fixture, 'utf8').replace('- [ ] **C1', '- [x] **C1').replace('- [ ] **C2', '- [x] **C2'))
    const json = nextDocumentSchema.parse(JSON.parse(run(['next', file, '--json']).stdout))
    expect(json.ready.map((b) => b.key)).toEqual(['C3'])
    expect(json.ready[0]?.acceptanceCriteria.map((c) => c.text)).toHaveLength(3)
    expect(json.ready[0]?.promise).toBe('PARCEL_TRACKING_WEBHOOKS_COMPLETE')
    expect(run(['next', file]).stdout).toContain('output `<promise>PARCEL_TRACKING_WEBHOOKS_COMPLETE</promise>`')
  })
})

describe('plan --linear', () => {
  test('one issue per chunk with labels, blockedBy and the key for write-back', () => {
    const doc = linearDocumentSchema.parse(JSON.parse(run(['plan', fixture, '--linear']).stdout))
    expect(doc.issues.map((i) => [i.key, i.title, i.labels, i.blockedBy])).toEqual([
      ['C1', 'C1 Endpoint registry', ['stream:hooks', 'phase:1'], []],
      ['C2', 'C2 Registration API', ['stream:api', 'phase:1'], ['C1']],
      ['C3', 'C3 Signed delivery', ['stream:hooks', 'phase:2'], ['C1', 'C2']]
    ])
    expect(doc.issues[1]?.description).toBe(
      '**Outcome:** A shop registers, reads and deletes its endpoint.\n\n## Tasks\n\n- [ ] Add create, read and delete endpoints\n- [ ] Return the secret only once, on create\n\n**Stream:** api\n**Skills:** backend-api\n\nFrom `' +
        fixture +
        '` (Parcel Tracking Webhooks), chunk `C2`, phase 1: Foundation.'
    )
  })
})

describe('linear push against a GraphQL stand-in', () => {
  interface Call {
    operation: string
    variables: Record<string, unknown>
    authorization: string | undefined
  }
  const calls: Call[] = []
  let server: http.Server
  let url: string
  let failOn: string | undefined

  beforeAll(async () => {
    let issues = 0
    let labels = 0
    server = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        const {query, variables} = JSON.parse(body) as {query: string; variables: Record<string, unknown>}
        const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? ''
        calls.push({operation, variables, authorization: request.headers.authorization})
        const input = (variables.input ?? {}) as Record<string, unknown>
        let data: unknown
        if (operation === 'SpecLintTeams')
          data = {teams: {nodes: [{id: 'team-1', key: 'HK', name: 'Hooks', labels: {nodes: [{id: 'label-phase-1', name: 'phase:1'}]}}]}}
        else if (operation === 'SpecLintCreateLabel') data = {issueLabelCreate: {success: true, issueLabel: {id: `label-${++labels}`, name: input.name}}}
        else if (operation === 'SpecLintCreateIssue') {
          if (failOn && String(input.title).includes(failOn)) {
            response.writeHead(200, {'content-type': 'application/json'})
            response.end(JSON.stringify({errors: [{message: 'Title rejected', extensions: {type: 'invalid input'}}]}))
            return
          }
          issues++
          data = {issueCreate: {success: true, issue: {id: `uuid-${issues}`, identifier: `HK-${100 + issues}`}}}
        } else if (operation === 'SpecLintCreateRelation') data = {issueRelationCreate: {success: true}}
        response.writeHead(200, {'content-type': 'application/json'})
        response.end(JSON.stringify(data ? {data} : {errors: [{message: `unknown operation ${operation}`}]}))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  // The stand-in runs in this process, so the CLI runs asynchronously beside it.
  const push = (args: string[], env: NodeJS.ProcessEnv) =>
    new Promise<{code: number | null; stdout: string; stderr: string}>((resolve) => {
      execFile(process.execPath, [bin, 'linear', 'push', ...args], {env: {...process.env, NO_COLOR: '1', ...env}}, (error, stdout, stderr) => {
        resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
      })
    })

  test('creates labels, issues and blocked-by relations, then writes the ids back as link does', async () => {
    calls.length = 0
    const file = copy('push.md')
    const original = fs.readFileSync(file, 'utf8')
    const result = await push([file, '--team', 'HK'], {LINEAR_API_KEY: 'lin_api_test', LINEAR_API_URL: url})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(calls.every((c) => c.authorization === 'lin_api_test')).toBe(true)
    expect(calls.map((c) => c.operation)).toEqual([
      'SpecLintTeams',
      'SpecLintCreateLabel',
      'SpecLintCreateIssue',
      'SpecLintCreateLabel',
      'SpecLintCreateIssue',
      'SpecLintCreateLabel',
      'SpecLintCreateIssue',
      'SpecLintCreateRelation',
      'SpecLintCreateRelation',
      'SpecLintCreateRelation'
    ])
    const created = calls.filter((c) => c.operation === 'SpecLintCreateIssue').map((c) => c.variables.input as Record<string, unknown>)
    expect(created[0]).toMatchObject({teamId: 'team-1', title: 'C1 Endpoint registry', labelIds: ['label-1', 'label-phase-1']})
    expect(String(created[0]?.description)).toContain('**Outcome:** Shop endpoints and their signing secrets are stored and rotated.')
    expect(calls.filter((c) => c.operation === 'SpecLintCreateRelation').map((c) => c.variables.input)).toEqual([
      {issueId: 'uuid-1', relatedIssueId: 'uuid-2', type: 'blocks'},
      {issueId: 'uuid-1', relatedIssueId: 'uuid-3', type: 'blocks'},
      {issueId: 'uuid-2', relatedIssueId: 'uuid-3', type: 'blocks'}
    ])
    expect(fs.readFileSync(file, 'utf8')).toBe(
      original
        .replace('**C1 Endpoint registry**', '**C1 Endpoint registry** (HK-101)')
        .replace('**C2 Registration API**', '**C2 Registration API** (HK-102)')
        .replace('**C3 Signed delivery**', '**C3 Signed delivery** (HK-103)')
    )
    expect(result.stdout).toContain(`${file}: linked \`C3\` to \`HK-103\` (line 80)`)

    // A second push creates nothing: every chunk has its id.
    calls.length = 0
    const again = await push([file, '--team', 'hooks'], {LINEAR_API_KEY: 'lin_api_test', LINEAR_API_URL: url})
    expect(again.code).toBe(0)
    expect(calls.map((c) => c.operation)).toEqual(['SpecLintTeams'])
    expect(again.stdout).toBe(`${file}: skipped 3 already linked chunks\n`)
  })

  test('a failure part way still writes back the issues already created', async () => {
    failOn = 'Signed delivery'
    const file = copy('partial.md')
    const result = await push([file, '--team', 'HK'], {LINEAR_API_KEY: 'lin_api_test', LINEAR_API_URL: url})
    failOn = undefined
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^spec-lint: .*partial\.md: Linear: .*Title rejected/m)
    const text = fs.readFileSync(file, 'utf8')
    expect(text).toMatch(/\*\*C1 Endpoint registry\*\* \(HK-\d+\)/)
    expect(text).toMatch(/\*\*C2 Registration API\*\* \(HK-\d+\)/)
    expect(text).toContain('**C3 Signed delivery**\n')
  })

  test('without LINEAR_API_KEY, or with an unknown team: one message, nothing written', async () => {
    const file = copy('nokey.md')
    const before = fs.readFileSync(file, 'utf8')
    const nokey = await push([file, '--team', 'HK'], {LINEAR_API_KEY: '', LINEAR_API_URL: url})
    expect(nokey.code).toBe(2)
    expect(nokey.stderr).toMatch(/^spec-lint: Missing `LINEAR_API_KEY`/)
    const team = await push([file, '--team', 'XX'], {LINEAR_API_KEY: 'k', LINEAR_API_URL: url})
    expect(team.code).toBe(1)
    expect(team.stderr).toBe(`spec-lint: ${file}: Unknown team \`XX\`, expected one of \`HK\`\n`)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  })
})
