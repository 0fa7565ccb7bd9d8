import {fromMarkdown} from 'mdast-util-from-markdown'
const s = '\uFEFF# T\r\n\r\n```\r\na\r\nb\r\n```\r\n'
const t = fromMarkdown(s)
console.log(JSON.stringify(t.children.map(c=>[c.type,c.value,c.position.start.offset,c.position.end.offset])))
console.log(JSON.stringify(s.slice(t.children[0].position.start.offset, t.children[0].position.end.offset)))
