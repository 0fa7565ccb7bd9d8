import {location} from 'vfile-location'
import type {ListItem, Nodes, Paragraph, RootContent, Table as MdTable, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Cell, Point, Position, Table} from '../schema.js'
import type {ModelReuse} from './reuse.js'

/* The builder's shared reading context: offsets to points, node places, tables and first paragraphs. */

/** The reading context of one source: its text and offsets to points. */
export function contextOf(source: string): Ctx {
  const place = location(source)
  return {
    source,
    point(offset) {
      const clamped = Math.max(0, Math.min(offset, source.length))
      const found = place.toPoint(clamped)
      if (found && typeof found.offset === 'number') return {line: found.line, column: found.column, offset: found.offset}
      return {line: 1, column: 1, offset: 0}
    }
  }
}

export type Locate = (offset: number) => Point

export interface Ctx {
  source: string
  point: Locate
  /** Phases the previous build of this document read, to take over where unchanged. */
  reuse?: ModelReuse
}

export function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)
}

export function pos(ctx: Ctx, node: Nodes): Position {
  const p = node.position
  if (p && typeof p.start.offset === 'number' && typeof p.end.offset === 'number') {
    return {
      start: {line: p.start.line, column: p.start.column, offset: p.start.offset},
      end: {line: p.end.line, column: p.end.column, offset: p.end.offset}
    }
  }
  return range(ctx, 0, 0)
}

export function range(ctx: Ctx, start: number, end: number): Position {
  return {start: ctx.point(start), end: ctx.point(end)}
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0
}

/** A table cell's content range: pipes and padding excluded. */
export function cell(ctx: Ctx, node: Nodes | undefined, fallback: Position): Cell {
  if (!node?.position) return {text: '', raw: '', position: fallback}
  let start = startOf(node)
  let end = endOf(node)
  const src = ctx.source
  if (src[start] === '|') start++
  if (end > start && src[end - 1] === '|' && src[end - 2] !== '\\') end--
  while (start < end && /\s/.test(src[start] ?? '')) start++
  while (end > start && /\s/.test(src[end - 1] ?? '')) end--
  return {text: toString(node).trim(), raw: src.slice(start, end), position: range(ctx, start, end)}
}

export interface ParsedRow {
  position: Position
  cells: Record<string, Cell>
}

export function parseTable(ctx: Ctx, table: MdTable): {table: Table; rows: ParsedRow[]} {
  const [head, ...body] = table.children
  const columns = head ? head.children.map((c) => toString(c).trim()) : []
  const keys = columns.map((c) => c.toLowerCase())
  const rows = body.map((row: TableRow): ParsedRow => {
    const position = pos(ctx, row)
    const cells: Record<string, Cell> = {}
    keys.forEach((key, index) => {
      cells[key] ??= cell(ctx, row.children[index], {start: position.end, end: position.end})
    })
    return {position, cells}
  })
  return {
    table: {columns, position: pos(ctx, table), headerPosition: head ? pos(ctx, head) : pos(ctx, table)},
    rows
  }
}

export function pick(row: Record<string, Cell>, ...names: string[]): Cell | undefined {
  for (const name of names) {
    const found = row[name]
    if (found) return found
  }
  return undefined
}

/** Source lines of a node with their absolute offsets. */
export function lines(ctx: Ctx, node: Nodes): Array<{text: string; start: number}> {
  const start = startOf(node)
  const text = ctx.source.slice(start, endOf(node))
  const out: Array<{text: string; start: number}> = []
  let offset = start
  for (const line of text.split('\n')) {
    out.push({text: line.replace(/\r$/, ''), start: offset})
    offset += line.length + 1
  }
  return out
}

export function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0]
  return first?.type === 'paragraph' ? first : undefined
}

export function firstInlineCode(node: Nodes): string | null {
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const next = stack.shift() as Nodes
    if (next.type === 'inlineCode') return next.value
    if ('children' in next && next.type !== 'list') stack.unshift(...(next.children as Nodes[]))
  }
  return null
}
