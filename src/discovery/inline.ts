import type {ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {DiscoveryItem} from './types.js'

/** Markdown inline source of nodes, as written, on one line (or trimmed lines with `keepLines`). */
export type Inline = (node: Nodes | readonly Nodes[], keepLines?: boolean) => string

/** Each run of whitespace holding a line break becomes one space (or one line break); linear. */
function joinRuns(text: string, keepLines: boolean): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? (keepLines ? '\n' : ' ') : run)).trim()
}

export function inlineReader(source: string): Inline {
  return (node, keepLines = false) => {
    const nodes: readonly Nodes[] = Array.isArray(node) ? node : [node as Nodes]
    const first = nodes[0]
    const last = nodes[nodes.length - 1]
    const start = first?.position?.start.offset
    const end = last?.position?.end.offset
    const raw = start === undefined || end === undefined ? nodes.map((n) => toString(n)).join('') : source.slice(start, end)
    return joinRuns(raw, keepLines)
  }
}

/** A paragraph that introduces what follows (`Process:`, `**Process:**`). */
export function isLabel(text: string): boolean {
  return /:(?:\*\*|__|\*|_)?$/.test(text.trim())
}

/** A label's words without emphasis or the colon (`**Hard constraints:**` → `Hard constraints`). */
export function labelWords(text: string): string {
  return text.replace(/[*_]/g, '').replace(/:$/, '').trim()
}

const idPattern = /^(?:\*\*|__)?([A-Z]{1,4}-?\d+(?:\.\d+)?)(?:\*\*|__)?(?=[\s:.)—–-])/

/** An id a discovery numbers an item with (`R3:`, `**D1**`, `FR-2.`). */
export function leadingId(text: string): string | null {
  return idPattern.exec(text)?.[1] ?? null
}

function leadNode(paragraph: Paragraph): PhrasingContent | undefined {
  return paragraph.children.find((child) => child.type !== 'text' || child.value.trim() !== '')
}

/** The bold or struck-through lead of an item's first paragraph, without trailing punctuation. */
export function leadOf(item: ListItem | Paragraph): string | null {
  const first = item.type === 'paragraph' ? item : item.children[0]
  if (first?.type !== 'paragraph') return null
  const lead = leadNode(first)
  if (lead?.type !== 'strong' && lead?.type !== 'delete') return null
  return (
    toString(lead)
      .replace(/\s+/g, ' ')
      .replace(/[\s:.—–-]+$/, '')
      .trim() || null
  )
}

export function isStruck(item: ListItem): boolean {
  const first = item.children[0]
  return first?.type === 'paragraph' && leadNode(first)?.type === 'delete'
}

/** An item's paragraphs on one line (nested lists and code left out). */
export function itemText(item: ListItem, inline: Inline): string {
  return item.children
    .filter((child): child is Paragraph => child.type === 'paragraph')
    .map((child) => inline(child))
    .join(' ')
}

/** Nested items, each on one line; deeper levels joined into their parent's line. */
function childrenOf(item: ListItem, inline: Inline): string[] {
  const out: string[] = []
  for (const child of item.children) {
    if (child.type !== 'list') continue
    for (const sub of child.children) {
      const deeper = childrenOf(sub, inline)
      const text = itemText(sub, inline)
      out.push(deeper.length > 0 ? `${text} (${deeper.join('; ')})` : text)
    }
  }
  return out.filter(Boolean)
}

/** `Brand: black and white` → `Brand`: a short name before a colon leads the text. */
function colonLead(text: string): string | null {
  const at = text.indexOf(':')
  if (at <= 0 || at > 40) return null
  const lead = text.slice(0, at).replace(/[*_`]/g, '').trim()
  return lead !== '' && lead.split(' ').length <= 4 ? lead : null
}

export function toItem(item: ListItem, inline: Inline): DiscoveryItem {
  const text = itemText(item, inline)
  const code = item.children.find((child) => child.type === 'code')
  return {
    label: leadOf(item) ?? colonLead(text) ?? text,
    text,
    line: item.position?.start.line ?? 0,
    id: leadingId(text),
    children: childrenOf(item, inline),
    code: code ? {lang: code.lang ?? null, value: code.value} : null
  }
}

export function paragraphItem(node: RootContent, text: string): DiscoveryItem {
  return {
    label: (node.type === 'paragraph' ? leadOf(node) : null) ?? colonLead(text) ?? text,
    text,
    line: node.position?.start.line ?? 0,
    id: leadingId(text),
    children: [],
    code: null
  }
}

/** A table's header and rows as inline source per cell. */
export function tableCells(table: Table, inline: Inline): {header: string[]; rows: Array<{cells: string[]; line: number}>} {
  const cellText = (cell: Table['children'][number]['children'][number]) => (cell.children.length > 0 ? inline(cell.children) : '')
  const [head, ...body] = table.children
  return {
    header: head ? head.children.map(cellText) : [],
    rows: body.map((row) => ({cells: row.children.map(cellText), line: row.position?.start.line ?? 0}))
  }
}

const idHeader = /^(?:#|id|no\.?|ref|key)$/i
const rationaleHeader = /\b(?:rationale|why|reason|because)\b/i

/**
 * A table row as one item: its lead cell, then every other non-empty cell
 * with its column name (`Bronze — Price: £35/mo; What you get: Facilities`).
 * An id column (`D1`, `R2`) becomes the item's id.
 */
export function rowItem(header: readonly string[], row: {cells: string[]; line: number}): DiscoveryItem & {rationale: string | null; rest: string} {
  const cells = row.cells
  const hasId = header.length > 1 && (idHeader.test(labelWords(header[0] ?? '')) || /^[A-Z]{1,4}-?\d+$/.test((cells[0] ?? '').trim()))
  const leadIndex = hasId ? 1 : 0
  const lead = (cells[leadIndex] ?? '').trim()
  let rationale: string | null = null
  const rest: string[] = []
  for (const [index, cell] of cells.entries()) {
    const value = cell.trim()
    if (index <= leadIndex || value === '' || value === '—' || value === '-') continue
    const name = labelWords(header[index] ?? '')
    if (rationaleHeader.test(name) && rationale === null) rationale = value
    else rest.push(name ? `${name}: ${value}` : value)
  }
  const id = hasId ? (cells[0] ?? '').replace(/[*_]/g, '').trim() || null : null
  const parts = [rest.join('; '), rationale ? `Rationale: ${rationale}` : ''].filter(Boolean).join('; ')
  return {
    label: labelWords(lead) || lead,
    text: parts ? `${lead} — ${parts}` : lead,
    line: row.line,
    id,
    children: [],
    code: null,
    rationale,
    rest: rest.join('; ')
  }
}
