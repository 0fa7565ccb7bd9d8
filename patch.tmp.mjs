import {EditMap} from 'micromark-util-edit-map'
import {fromMarkdown} from 'mdast-util-from-markdown'
const orig = EditMap.prototype.consume
function fast(events) {
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
const cases = {
  quotes: '> quote line\n\n',
  flatList: '- item one two three\n',
  looseList: '- item one two three\n\n',
  nested: Array.from({length: 16}, (_, i) => '  '.repeat(i) + '- item\n').join('') + '\npara\n\n',
  quote16: Array.from({length: 16}, (_, i) => '>'.repeat(i+1) + ' q\n').join('') + '\npara\n\n',
  spec: (await import('node:fs')).readFileSync('fixtures/clean/backend-api.md', 'utf8') + '\n',
}
for (const [name, b] of Object.entries(cases)) for (const size of [50_000, 200_000]) {
  const v = b.repeat(Math.ceil(size / b.length))
  EditMap.prototype.consume = fast
  let t = performance.now(); const a = JSON.stringify(fromMarkdown(v)); const tf = performance.now() - t
  let to = 'skip', same = '?'
  if (size <= 50_000) { EditMap.prototype.consume = orig
  t = performance.now(); const b2 = JSON.stringify(fromMarkdown(v)); to = (performance.now() - t).toFixed(0); same = a === b2 }
  console.log(name, size, 'fast', tf.toFixed(0), 'orig', to, 'same', same)
}
