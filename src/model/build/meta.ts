import type {List, RootContent, Table as MdTable} from 'mdast'
import {joinLines, plainValue} from '../text.js'
import type {Meta, MetaRow, Section} from '../schema.js'
import {isComment, pos, range, startOf, endOf, parseTable, lines, firstParagraph} from './context.js'
import type {Ctx} from './context.js'

/* The Meta section: a `Field | Value` table, a bullet list of fields, or neither. */

export const metaFields = ['type', 'repo', 'status', 'created'] as const

export function parseMeta(ctx: Ctx, section: Section, nodes: RootContent[]): Meta {
  const content = nodes.filter((n) => !isComment(n))
  const table = content.find((n): n is MdTable => n.type === 'table')
  const list = content.find((n): n is List => n.type === 'list')
  const rows: MetaRow[] = []
  let columns: string[] = []
  let form: Meta['form'] = content.length === 0 ? 'empty' : 'other'

  if (table && (!list || startOf(table) < startOf(list))) {
    form = 'table'
    const parsed = parseTable(ctx, table)
    columns = parsed.table.columns
    const keys = columns.map((c) => c.toLowerCase())
    for (const row of parsed.rows) {
      const empty = {text: '', raw: '', position: {start: row.position.end, end: row.position.end}}
      const field = row.cells[keys[0] ?? ''] ?? empty
      const value = row.cells[keys[1] ?? ''] ?? empty
      rows.push({
        field: plainValue(field.text),
        value: value.text,
        raw: value.raw,
        position: row.position,
        fieldPosition: field.position,
        valuePosition: value.position
      })
    }
  } else if (list) {
    form = 'list'
    for (const item of list.children) {
      const paragraph = firstParagraph(item)
      if (!paragraph) continue
      const line = lines(ctx, paragraph)[0]
      if (!line) continue
      // `**Type:** value`, `**Type**: value`, `Type: value`
      const match = /^((?:\*\*|__)?\s*([^:*_]+?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:))\s*/.exec(line.text)
      if (!match) continue
      const valueStart = line.start + match[0].length
      const valueEnd = endOf(paragraph)
      const raw = ctx.source.slice(valueStart, valueEnd)
      rows.push({
        field: (match[2] ?? '').trim(),
        value: plainValue(joinLines(raw)),
        raw,
        position: pos(ctx, item),
        fieldPosition: range(ctx, line.start, line.start + (match[1] ?? '').length),
        valuePosition: range(ctx, valueStart, valueEnd)
      })
    }
  }

  const typed: Record<(typeof metaFields)[number], string | null> = {type: null, repo: null, status: null, created: null}
  for (const field of metaFields) {
    const row = rows.find((r) => r.field.toLowerCase() === field)
    typed[field] = row ? row.value : null
  }

  return {form, position: section.position, columns, rows, ...typed}
}
