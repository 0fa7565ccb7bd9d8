import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

it('action/dist/index.js is the bundle of the current sources (run `npm run build:action` when this fails)', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spec-lint-bundle-')), 'index.js')
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-action.mjs'), '--out', out], {cwd: root, encoding: 'utf8'})
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  const fresh = fs.readFileSync(out, 'utf8')
  const committed = fs.readFileSync(path.join(root, 'action/dist/index.js'), 'utf8')
  // Compared as lengths first so a failure does not print three megabytes.
  expect(committed.length).toBe(fresh.length)
  expect(committed === fresh).toBe(true)
  fs.rmSync(path.dirname(out), {recursive: true, force: true})
})

it('the bundle imports nothing outside Node.js itself', () => {
  const bundle = fs.readFileSync(path.join(root, 'action/dist/index.js'), 'utf8')
  const imports = [...bundle.matchAll(/^import\s.*?from\s+["']([^"']+)["']/gm)].map((m) => m[1])
  expect(
    imports.filter(
      (name) => !name?.startsWith('node:') && !/^(fs|path|url|os|util|module|process|events|stream|assert|crypto|child_process|tty)$/.test(name ?? '')
    )
  ).toEqual([])
})
