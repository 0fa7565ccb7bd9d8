import {lint} from './dist/src/processor.js'
import {applyEdits, editsOf} from './dist/src/fix/apply.js'
let t = '\uFEFF~~~\r\n  Stream: x\r\n| Field | Value |'
for (let i = 0; i < 4; i++) {
  const f = await lint(t); const e = editsOf(f)
  console.log(i, JSON.stringify(e.map(x => [x.ruleId, x.start, x.end, x.text.slice(0, 60)])))
  t = applyEdits(t, e).text
}
console.log(JSON.stringify(t.slice(0, 300)))
