import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectInfo, repoFromRemote} from '../../src/init/project.js'

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-init-project-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

function write(file: string, value: string): string {
  const full = path.join(dir, file)
  fs.mkdirSync(path.dirname(full), {recursive: true})
  fs.writeFileSync(full, value)
  return path.dirname(full)
}

describe('projectInfo', () => {
  it('takes the repo name and commands from the nearest package.json above the output folder', () => {
    const root = write('js/package.json', JSON.stringify({name: '@acme/web', scripts: {test: 'vitest run', lint: 'eslint .'}}))
    expect(projectInfo(path.join(root, 'specs'))).toMatchObject({repo: '@acme/web', testCommand: 'npm test', lintCommand: 'npm run lint'})
  })

  it('prefers --repo, and leaves commands unknown when scripts are missing or the npm stub', () => {
    const root = write('stub/package.json', JSON.stringify({name: 'stub', scripts: {test: 'echo "Error: no test specified" && exit 1'}}))
    expect(projectInfo(path.join(root, 'specs'), 'billing')).toMatchObject({repo: 'billing', testCommand: null, lintCommand: null})
  })

  it('falls back to the folder name when package.json has no name', () => {
    const root = write('unnamed-app/package.json', JSON.stringify({scripts: {check: 'biome check'}}))
    expect(projectInfo(path.join(root, 'specs'))).toMatchObject({repo: 'unnamed-app', testCommand: null, lintCommand: 'npm run check'})
  })

  it('reads pytest and ruff from pyproject.toml', () => {
    const root = write('py/pyproject.toml', '[project]\nname = "invoice-api"\n\n[tool.pytest.ini_options]\n\n[tool.ruff]\nline-length = 100\n')
    expect(projectInfo(path.join(root, 'specs'))).toMatchObject({repo: 'invoice-api', testCommand: 'pytest', lintCommand: 'ruff check .'})
  })

  it('uses the folder above specs/ when there is no manifest', () => {
    const out = path.join(dir, 'bare', 'gym-site', 'specs')
    const info = projectInfo(out)
    // A manifest above the temp folder would win; only assert when there is none.
    if (!fs.existsSync(path.join(os.tmpdir(), 'package.json'))) expect(info.repo).toBe('gym-site')
    expect(info.testCommand).toBeNull()
  })

  it('reads the repository name from a remote URL', () => {
    expect(repoFromRemote('git@github.com:acme/gym-site.git')).toBe('gym-site')
    expect(repoFromRemote('https://github.com/acme/gym-site/')).toBe('gym-site')
    expect(repoFromRemote('/srv/git/billing.git')).toBe('billing')
    expect(repoFromRemote('')).toBeNull()
  })

  it('follows a worktree `.git` file to the main repository config', () => {
    const main = path.join(dir, 'main-repo')
    fs.mkdirSync(path.join(main, '.git/worktrees/wt'), {recursive: true})
    fs.writeFileSync(path.join(main, '.git/config'), '[remote "upstream"]\n\turl = https://example.com/x/ledger.git\n')
    fs.writeFileSync(path.join(main, '.git/worktrees/wt/commondir'), '../..\n')
    const wt = path.join(dir, 'wt')
    fs.mkdirSync(wt, {recursive: true})
    fs.writeFileSync(path.join(wt, '.git'), `gitdir: ${path.join(main, '.git/worktrees/wt')}\n`)
    expect(projectInfo(path.join(wt, 'specs'))).toMatchObject({repo: 'ledger', root: wt})
  })
})
