import {EditMap} from 'micromark-util-edit-map'
import {micromark} from 'micromark'
EditMap.prototype.consume = function (events) {
  this.map.sort((a, b) => a[0] - b[0])
  if (this.map.length === 0) return
  const first = this.map[0][0]
  const rest = events.slice(first)
  events.length = first
  let cursor = first
  const end = first + rest.length
  for (const [at, remove, add] of this.map) {
    for (let i = cursor; i < at && i < end; i++) events.push(rest[i - first])
    for (const e of add) events.push(e)
    if (at + remove > cursor) cursor = at + remove
  }
  for (let i = cursor; i < end; i++) events.push(rest[i - first])
  this.map.length = 0
  this.index.clear()
}
for (const n of [2000, 4000, 8000, 16000]) { const t = performance.now(); micromark('> quote line\n\n'.repeat(n)); console.log(n, (performance.now()-t).toFixed(0)) }
