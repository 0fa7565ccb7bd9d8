import type {Nodes, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

export interface Placeholder {
  text: string
  line: number
  column: number
}

/**
 * The bracketed placeholders left in a spec, the way `no-placeholders`
 * defines them: `[…]` in text that is not a link, a checkbox or an issue id,
 * and inline code that is only a placeholder (the template's `` `[test command]` ``).
 */
export function findPlaceholders(markdown: string): Placeholder[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
  const out: Placeholder[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'code' || node.type === 'html') return
    if (node.type === 'text' || node.type === 'inlineCode') {
      const start = node.position?.start
      const pattern = node.type === 'inlineCode' ? /^\[[^\]]+\]$/g : /\[(?![ xX]\])(?![A-Z][A-Z0-9]*-\d+\])[^\]\n]+\]/g
      for (const match of node.value.matchAll(pattern)) {
        out.push({text: match[0], line: start?.line ?? 0, column: (start?.column ?? 0) + (node.type === 'text' ? (match.index ?? 0) : 0)})
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}
