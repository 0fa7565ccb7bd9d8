import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {initCommand} from '../../src/cli/init-command.js'
import {run} from '../helpers/cli.js'
import {fixtures, lintErrors} from './helpers.js'

let dir: string
let count = 0

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-init-cli-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

/** A fresh repository folder with a package.json and the discovery fixtures under docs/. */
function repo(pkg: Record<string, unknown> = {name: 'acme-web', scripts: {test: 'vitest run', lint: 'eslint .'}}): string {
  const root = path.join(dir, `repo-${++count}`)
  fs.mkdirSync(path.join(root, 'docs'), {recursive: true})
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(pkg))
  for (const name of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, name), path.join(root, 'docs', name))
  return root
}

/** The command in this process, for argument checks a spawned CLI would only make slower. */
async function inProcess(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const argv = args[0] === 'init' ? args.slice(1) : args
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk)
    return true
  })
  try {
    return {code: await initCommand.run(argv), stdout, stderr}
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}

const listing = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [])

describe('spec-lint init', () => {
  it('writes specs/<slug>.md, prints the type with its evidence, and the scaffold lints clean', async () => {
    const root = repo()
    const result = run(['init', 'docs/frontend.md', '--date', '2026-01-10'], {cwd: root})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^type: frontend \(frontend: "page", "components", "UI"\)\nwrote specs\/recipe-box\.md \(\d+ placeholders to fill\)\n$/)
    const spec = fs.readFileSync(path.join(root, 'specs/recipe-box.md'), 'utf8')
    expect(spec).toMatch(/^\| Repo +\| acme-web +\|\n\| Status +\| draft +\|\n\| Created +\| 2026-01-10 +\|$/m)
    expect(spec).toContain('- [ ] All tests pass: `npm test`\n- [ ] Linting clean: `npm run lint`\n')
    // The discovery is cited relative to the spec (as `discovery-coverage` resolves a Meta row), never absolutely.
    expect(spec).toMatch(/^\| Discovery +\| `\.\.\/docs\/frontend\.md` +\|$/m)
    expect(spec).not.toContain(root)
    expect(await lintErrors(spec)).toEqual([])
    expect(listing(path.join(root, 'specs'))).toEqual(['recipe-box.md'])
  })

  it('exits 3 on pure agent work and writes nothing, unless --force', async () => {
    const root = repo()
    const refused = run(['init', 'docs/pure-agent.md'], {cwd: root})
    expect(refused.code).toBe(3)
    expect(refused.stdout).toMatch(/^type: agent-langgraph \(agent: "Agent", "orchestration", "prompt"\)\n$/)
    expect(refused.stderr).toBe(
      'spec-lint: docs/pure-agent.md: pure agent work, expected agent-spec-builder to write this spec; nothing written (`--force` writes it anyway, `--type` sets another type)\n'
    )
    expect(listing(path.join(root, 'specs'))).toEqual([])
    const forced = await inProcess([path.join(root, 'docs/pure-agent.md'), '--force', '-o', path.join(root, 'specs/research-digest-agent-team.md')])
    expect(forced.code).toBe(0)
    expect(listing(path.join(root, 'specs'))).toEqual(['research-digest-agent-team.md'])
  })

  it('refuses to overwrite without --force and keeps the mode when forced', async () => {
    const root = repo()
    const target = path.join(root, 'specs/export.md')
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, 'mine\n', {mode: 0o600})
    fs.chmodSync(target, 0o600)
    const refused = run(['init', 'docs/backend-api.md', '-o', 'specs/export.md'], {cwd: root})
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe('spec-lint: specs/export.md: already exists, not overwritten (`--force` overwrites it)\n')
    expect(fs.readFileSync(target, 'utf8')).toBe('mine\n')
    const forced = await inProcess([path.join(root, 'docs/backend-api.md'), '-o', target, '--force', '--repo', 'billing'])
    expect(forced.code).toBe(0)
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^\| Repo +\| billing +\|$/m)
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(listing(path.dirname(target))).toEqual(['export.md'])
  })

  it('writes the blank template for a title, and for a document with no discovery sections', async () => {
    const root = repo({name: 'notes-repo'})
    const titled = await inProcess(['init', '--title', 'Meeting notes', '-o', path.join(root, 'specs/a.md'), '--date', '2026-01-10'])
    expect(titled.code).toBe(0)
    expect(titled.stdout).toMatch(/^type: backend-api \(no work-type signals found; the default, override with --type\)\n/)
    const blank = run(['init', 'docs/no-sections.md', '-o', 'specs/b.md', '--date', '2026-01-10'], {cwd: root})
    expect(blank.code).toBe(0)
    expect(blank.stderr).toBe(
      'spec-lint: docs/no-sections.md: no discovery sections found (expected `## Problem Statement`, `## Solution Overview`, `## Key Decisions`, `## Scope`, …); writing the blank template\n'
    )
    const a = fs.readFileSync(path.join(root, 'specs/a.md'), 'utf8')
    expect(fs.readFileSync(path.join(root, 'specs/b.md'), 'utf8')).toBe(a)
    expect(a).toMatch(/^# Meeting notes\n/)
    expect(a).toContain("- [ ] All tests pass: `make test` [replace with this repository's test command]")
  })

  it('puts the hybrid agent chunk in the last phase and honours --type', async () => {
    const root = repo()
    const result = await inProcess([path.join(root, 'docs/hybrid.md'), '--date', '2026-01-10', '-o', path.join(root, 'specs/support-reply-assistant.md')])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^type: hybrid \(backend-api: "endpoint", "API", "database"; frontend: "page", "components"; agent: "agents", "prompts", "LLM"\)\n/
    )
    const spec = fs.readFileSync(path.join(root, 'specs/support-reply-assistant.md'), 'utf8')
    expect(result.stdout).toMatch(/\nnext: run agent-spec-builder on .*hybrid\.md for the `Agent system` chunk\n$/)
    expect(spec).toMatch(/### Phase 4: Agent system \(blocked by Phase 3\)\n[\s\S]*- \[ \] \*\*Agent system\*\* \(requires agent-spec-builder\)\n/)
    const typed = await inProcess(['init', path.join(root, 'docs/hybrid.md'), '--type', 'frontend', '-o', path.join(root, 'specs/t.md')])
    expect(typed.stdout).toMatch(/^type: frontend \(from --type\)\n/)
    expect(fs.readFileSync(path.join(root, 'specs/t.md'), 'utf8')).not.toContain('requires agent-spec-builder')
  })

  it('rejects bad arguments with one line and exit 2, and a missing file with exit 1', async () => {
    const root = repo()
    const usage = run(['init'], {cwd: root})
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/^spec-lint: expected a discovery document or `--title`; usage: spec-lint init [^\n]*\n$/)
    const doc = path.join(root, 'docs/frontend.md')
    const cases: Array<[string[], RegExp]> = [
      [['init', doc, '--type', 'fullstack'], /^spec-lint: unexpected type `fullstack`, expected one of `backend-api`, /],
      [['init', doc, '--date', '2026-02-30'], /^spec-lint: unexpected date `2026-02-30`, expected `YYYY-MM-DD`; usage/],
      // What `meta-created` would reject is refused up front.
      [
        ['init', doc, '--date', '2999-01-01'],
        /^spec-lint: unexpected date `2999-01-01` in the future, expected today \(`\d{4}-\d{2}-\d{2}`\) or earlier; usage/
      ],
      [['init', doc, '--colour'], /^spec-lint: unexpected option `--colour`; usage/],
      [['init', doc, '--type'], /^spec-lint: Option '--type <value>' argument missing; usage/],
      [['init', doc, doc], /^spec-lint: expected one discovery document, got 2; usage/],
      [['init', '--title', ' '], /^spec-lint: empty `--title`; usage/]
    ]
    for (const [args, message] of cases) {
      const result = await inProcess(args.slice(1))
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
    const nope = path.join(root, 'docs/nope.md')
    const missing = await inProcess([nope])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(`spec-lint: ${nope}: no such file\n`)
    expect(listing(path.join(root, 'specs'))).toEqual([])
  })

  it('writes into a folder given to -o with the default file name', async () => {
    const root = repo()
    const folder = path.join(root, 'plans')
    const result = await inProcess([path.join(root, 'docs/frontend.md'), '-o', `${folder}/`])
    expect(result.code).toBe(0)
    expect(listing(folder)).toEqual(['recipe-box.md'])
    expect((await inProcess([path.join(root, 'docs/backend-api.md'), '-o', folder])).code).toBe(0)
    expect(listing(folder)).toEqual(['invoice-export-api.md', 'recipe-box.md'])
  })

  it('takes the title from the file name when the document has no H1', async () => {
    const root = repo()
    const doc = path.join(root, 'docs/payments-discovery.md')
    fs.writeFileSync(doc, '## Problem\n\nCard payments fail at checkout and the API returns 500 from the payment endpoints.\n')
    const result = await inProcess([doc, '-o', path.join(root, 'specs') + '/'])
    expect(result.code).toBe(0)
    expect(fs.readFileSync(path.join(root, 'specs/payments.md'), 'utf8')).toMatch(/^# payments\n/)
  })

  it('fails in one line, leaving no temporary file, when the output cannot be written', async () => {
    const root = repo()
    const blocker = path.join(root, 'blocker')
    fs.writeFileSync(blocker, 'a file, not a folder\n')
    const result = await inProcess([path.join(root, 'docs/frontend.md'), '-o', path.join(blocker, 'x.md')])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^spec-lint: (?:EEXIST|ENOTDIR)\b[^\n]*\n$/)
    expect(listing(root).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('routes an agent type given with --type too', async () => {
    const root = repo()
    const result = await inProcess([path.join(root, 'docs/backend-api.md'), '--type', 'agent-dspy', '-o', path.join(root, 'specs/x.md')])
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('type: agent-dspy (from --type)\n')
    expect(listing(path.join(root, 'specs'))).toEqual([])
  })

  it('names the repo from the discovery header, else the git remote, else the git root, before the manifest', async () => {
    const root = repo({name: 'manifest-name'})
    const spec = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')
    const repoRow = (file: string) => /^\| Repo +\| (\S+) +\|$/m.exec(spec(file))?.[1]
    fs.writeFileSync(path.join(root, 'docs/headed.md'), '# Discovery: Headed\n\n**Repo:** `parcel-hub`\n\n## Problem\n\nShops poll the API.\n')
    expect((await inProcess([path.join(root, 'docs/headed.md'), '-o', path.join(root, 'specs/h.md'), '--date', '2026-01-10'])).code).toBe(0)
    expect(repoRow('specs/h.md')).toBe('parcel-hub')
    fs.mkdirSync(path.join(root, '.git'))
    fs.writeFileSync(path.join(root, '.git/config'), '[core]\n\tbare = false\n')
    await inProcess([path.join(root, 'docs/backend-api.md'), '-o', path.join(root, 'specs/a.md'), '--date', '2026-01-10'])
    expect(repoRow('specs/a.md')).toBe(path.basename(root))
    fs.writeFileSync(
      path.join(root, '.git/config'),
      '[remote "origin"]\n\turl = git@example.com:team/billing-service.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'
    )
    await inProcess([path.join(root, 'docs/backend-api.md'), '-o', path.join(root, 'specs/b.md'), '--date', '2026-01-10'])
    expect(repoRow('specs/b.md')).toBe('billing-service')
    await inProcess([path.join(root, 'docs/backend-api.md'), '-o', path.join(root, 'specs/c.md'), '--date', '2026-01-10', '--repo', 'given'])
    expect(repoRow('specs/c.md')).toBe('given')
  })
})
