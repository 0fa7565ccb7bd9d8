import type {List, ListItem, Root, Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {canonicalSection, plainValue} from '../model/text.js'

/** The template's Meta rows, in its order; other rows follow in their own order. */
export const metaOrder = ['type', 'repo', 'status', 'created'] as const

function rank(field: string): number {
  const index = (metaOrder as readonly string[]).indexOf(field.trim().toLowerCase())
  return index === -1 ? metaOrder.length : index
}

/**
 * The table or list the model reads the Meta from: the first of either under
 * the first `## Meta` (the same choice as the model builder).
 */
export function findMeta(tree: Root): Table | List | undefined {
  let inMeta = false
  let list: List | undefined
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (inMeta) break
      if (node.depth === 2 && canonicalSection(toString(node).trim()) === 'Meta') inMeta = true
      continue
    }
    if (!inMeta) continue
    if (node.type === 'table') return list ?? node
    if (node.type === 'list' && !list) list = node
  }
  return list
}

function sortStable<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, index) => ({item, index, key: key(item)}))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.item)
}

/** A copy of the Meta table with its rows in template order (the tree is not changed). */
export function orderTable(table: Table): Table {
  const [head, ...rows] = table.children
  if (!head) return table
  const field = (row: TableRow) => rank(plainValue(toString(row.children[0] ?? {type: 'text', value: ''})))
  return {...table, children: [head, ...sortStable(rows, field)]}
}

/** A copy of a Meta list (`- **Type:** …`) with its items in template order. */
export function orderList(list: List): List {
  const field = (item: ListItem) => {
    const first = item.children[0]
    const match = first?.type === 'paragraph' ? /^\s*([^:\n]+?)\s*:/.exec(toString(first)) : null
    return match ? rank(match[1] ?? '') : metaOrder.length
  }
  return {...list, children: sortStable(list.children, field)}
}
