import fs from 'node:fs'
import {VFile} from 'vfile'
import {reparse} from './dist/src/lsp/reparse.js'
import {lintParsed} from './dist/src/lsp/lint-document.js'
import {setupFor} from './dist/src/lsp/configured.js'
let text = fs.readFileSync('/tmp/lsp15/specs/a.md', 'utf8')
let parsed
const setup = await setupFor('/tmp/lsp15/specs/a.md', '/tmp/lsp15')
const times = {parse: 0, lint: 0}
for (let i = 0; i < 40; i++) {
  const at = text.indexOf('\n- ', Math.floor(text.length / 2) + i * 50)
  text = text.slice(0, at) + 'x' + text.slice(at)
  const file = new VFile({value: text, path: '/tmp/lsp15/specs/a.md', cwd: '/tmp/lsp15'})
  let t = performance.now()
  parsed = reparse(parsed, file)
  times.parse += performance.now() - t; t = performance.now()
  await lintParsed(parsed, file, setup.plugins, setup.settings)
  times.lint += performance.now() - t
  if (i === 0) { times.parse = 0; times.lint = 0 }
}
console.log(parsed.full, times.parse / 39, times.lint / 39)
