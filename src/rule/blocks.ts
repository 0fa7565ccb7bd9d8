import type {Root, RootContent} from 'mdast'
import {mayDefineReferences} from '../model/text.js'
import {memoCapacity} from '../model/memo.js'

/** A finding at a range of source offsets. */
export interface BlockFinding {
  start: number
  end: number
}

/**
 * The findings of a check that reads one top-level block at a time,
 * remembered by the block's text: the language server lints the whole
 * document on every keystroke, and all blocks but one are unchanged. A
 * finding is kept relative to the start of its block's first line and moved
 * to wherever the same text stands next time. `scope` names what besides the
 * text the check reads (the section the block is in, say). One memo per rule
 * (its options included in `scope`); dropped whole when full. A block the
 * language server kept from the previous parse is the same node, moved: it
 * is found by identity first, without hashing its text again.
 */
export function blockMemo<F extends BlockFinding>(limit?: number) {
  let cache = new Map<string, F[]>()
  const byNode = new WeakMap<RootContent, {scope: string; found: F[]}>()
  return function eachBlock(tree: Root, source: string, scope: (node: RootContent) => string, check: (node: RootContent) => F[]): F[] {
    const memo = !mayDefineReferences(source)
    const out: F[] = []
    for (const node of tree.children) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (!memo || start === undefined || end === undefined) {
        out.push(...check(node))
        continue
      }
      let base = start
      while (base > 0 && source.charCodeAt(base - 1) !== 10 && source.charCodeAt(base - 1) !== 13) base--
      const where = scope(node)
      const known = byNode.get(node)
      let found = known?.scope === where ? known.found : undefined
      if (!found) {
        // The character after the block is read too (what follows a match): it is part of the key.
        const key = `${where}\u0000${source.slice(base, end + 1)}`
        found = cache.get(key)
        if (!found) {
          found = check(node).map((finding) => ({...finding, start: finding.start - base, end: finding.end - base}))
          if (cache.size >= (limit ?? memoCapacity() / 2)) cache = new Map()
          cache.set(key, found)
        }
        byNode.set(node, {scope: where, found})
      }
      for (const finding of found) out.push({...finding, start: finding.start + base, end: finding.end + base})
    }
    return out
  }
}
