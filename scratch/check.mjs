import fs from 'node:fs'
import {isDeepStrictEqual} from 'node:util'
import {formatSpec} from '../dist/src/format/index.js'
import {buildSpec} from '../dist/src/model/build.js'
import {stripPositions} from '../dist/src/model/strip.js'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import {unified} from 'unified'
const p = unified().use(remarkParse).use(remarkGfm)
const model = (t) => { const m = stripPositions(buildSpec(p.parse(t), t)); if (m.meta) { const r = (f) => { const i = ['type','repo','status','created'].indexOf(f.toLowerCase()); return i < 0 ? 4 : i }; m.meta.rows = m.meta.rows.map((x,i)=>[x,i]).sort((a,b)=>r(a[0].field)-r(b[0].field)||a[1]-b[1]).map(x=>x[0]) } return m }
function diff(a, b, path='') {
  if (isDeepStrictEqual(a,b)) return
  if (a && b && typeof a === 'object' && typeof b === 'object') { for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], path+'.'+k); return }
  console.log('DIFF', path, JSON.stringify(a)?.slice(0,200), '=>', JSON.stringify(b)?.slice(0,200))
}
for (const f of process.argv.slice(2)) {
  const t = fs.readFileSync(f, 'utf8'); const o = formatSpec(t)
  console.log('==', f, o === formatSpec(o) ? 'idem' : 'NOT IDEMPOTENT')
  diff(model(t), model(o))
}
