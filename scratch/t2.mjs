import {lint} from '../dist/src/processor.js'
import {fixText} from '../dist/src/fix/apply.js'
const s = '\uFEFF# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | In Progress |\n'
const r = await fixText(s, (v) => lint(v))
console.log(JSON.stringify(r.text))
