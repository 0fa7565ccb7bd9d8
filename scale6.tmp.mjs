import {fromMarkdown} from 'mdast-util-from-markdown'
import {micromark} from 'micromark'
for (const n of [1000, 2000, 4000]) {
  const v = '> quote line\n\n'.repeat(n)
  let t = performance.now(); micromark(v); const a = performance.now() - t
  t = performance.now(); fromMarkdown(v); const b = performance.now() - t
  console.log(n, 'micromark', a.toFixed(0), 'fromMarkdown', b.toFixed(0))
}
