import fs from 'node:fs'
import {lint} from './dist/src/engine/lint.js'
const f = await lint(fs.readFileSync('/tmp/lsp15/specs/a.md', 'utf8'))
const c = {}; for (const m of f.messages) c[m.ruleId] = (c[m.ruleId] ?? 0) + 1
console.log(f.messages.length, c)
