import type {List} from 'mdast'
import type {MetaRow} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {joinLines} from '../src/model/text.js'
import {at} from '../src/model/positions.js'

const requiredRows = [
  {field: 'Type', placeholder: '[type]'},
  {field: 'Repo', placeholder: '[repository name]'},
  {field: 'Status', placeholder: '[status]'},
  {field: 'Created', placeholder: '[date]'}
] as const

function escapeCell(value: string): string {
  return joinLines(value)
    .replace(/(?<!\\)\|/g, '\\|')
    .trim()
}

/** The Meta list as a table, when every item is one `Field: value` line. */
function listAsTable(list: List | undefined, rows: MetaRow[]): string | undefined {
  if (!list || list.children.length !== rows.length) return undefined
  if (list.children.some((item) => item.children.length !== 1 || item.children[0]?.type !== 'paragraph')) return undefined
  const body = rows.map((row) => `| ${escapeCell(row.field)} | ${escapeCell(row.raw)} |`)
  return ['| Field | Value |', '|-------|-------|', ...body].join('\n')
}

export default defineRule({
  id: 'meta-table',
  summary: 'Meta is a `Field | Value` table with Type, Repo, Status and Created, once each',
  description:
    'Fires when the Meta section is empty, is written as a list instead of a table, lacks one of the rows Type, Repo, Status and Created, or repeats a row.',
  rationale:
    'Agents read Type, Repo and Status from the Meta table before anything else (Status `complete` means nothing to do); a list or a missing row changes what they do.',
  category: 'meta',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const meta = spec.meta
    if (!meta) return
    const section = spec.sections.find((s) => s.canonical === 'Meta')
    if (meta.form === 'empty' || meta.form === 'other') {
      ctx.report('Unexpected Meta without a table, expected a `Field | Value` table with Type, Repo, Status and Created', section?.headingPosition)
      return
    }
    if (meta.form === 'list') {
      const first = meta.rows[0]
      const list = first ? ctx.tree.children.find((n): n is List => n.type === 'list' && n.position?.start.offset === first.position.start.offset) : undefined
      const table = listAsTable(list, meta.rows)
      const place = list?.position
        ? {
            start: {line: list.position.start.line, column: list.position.start.column, offset: list.position.start.offset ?? 0},
            end: {line: list.position.end.line, column: list.position.end.column, offset: list.position.end.offset ?? 0}
          }
        : section?.headingPosition
      ctx.report('Unexpected Meta list, expected a `Field | Value` table', place, table ? {expected: [table]} : {})
      return
    }
    const seen = new Map<string, number>()
    for (const row of meta.rows) {
      const key = row.field.toLowerCase()
      const line = seen.get(key)
      if (line !== undefined) {
        ctx.report(`Unexpected duplicate Meta row \`${row.field}\`, expected one (first at line ${line})`, row.fieldPosition)
      } else {
        seen.set(key, row.position.start.line)
      }
    }
    const last = meta.rows[meta.rows.length - 1]
    const tableEnd = last?.position.end
    for (const {field, placeholder} of requiredRows) {
      if (seen.has(field.toLowerCase())) continue
      if (tableEnd) {
        ctx.report(`Missing Meta row \`${field}\``, at(tableEnd), {expected: [`\n| ${field} | ${placeholder} |`]})
      } else {
        ctx.report(`Missing Meta row \`${field}\``, section?.headingPosition)
      }
    }
  },
  examples: {
    valid: [
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|-------|-------|\n| Type | backend-api |\n| Repo | api |\n| Status | draft |\n| Created | 2026-01-22 |\n'
      },
      {
        name: 'Extra rows are fine',
        input:
          '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | frontend |\n| Repo | web |\n| Status | draft |\n| Created | 2026-01-22 |\n| Discovery | `./discovery.md` |\n'
      }
    ],
    invalid: [
      {
        name: 'A list becomes a table',
        input: '# T\n\n## Meta\n\n- **Type:** frontend\n- **Repo:** web\n- **Status:** draft\n- **Created:** 2026-07-20\n',
        messages: ['5:1-8:26: Unexpected Meta list, expected a `Field | Value` table'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|-------|-------|\n| Type | frontend |\n| Repo | web |\n| Status | draft |\n| Created | 2026-07-20 |\n'
      },
      {
        name: 'A missing row is inserted with a placeholder',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|-------|-------|\n| Type | backend-api |\n| Status | draft |\n| Created | 2026-01-22 |\n',
        messages: ['9:25: Missing Meta row `Repo`'],
        output:
          '# T\n\n## Meta\n\n| Field | Value |\n|-------|-------|\n| Type | backend-api |\n| Status | draft |\n| Created | 2026-01-22 |\n| Repo | [repository name] |\n'
      },
      {
        name: 'Duplicate row',
        input:
          '# T\n\n## Meta\n\n| Field | Value |\n|-------|-------|\n| Type | backend-api |\n| Repo | api |\n| Status | draft |\n| Status | complete |\n| Created | 2026-01-22 |\n',
        messages: ['10:3-10:9: Unexpected duplicate Meta row `Status`, expected one (first at line 9)']
      },
      {
        name: 'Empty Meta',
        input: '# T\n\n## Meta\n\n## Overview\n',
        messages: ['3:1-3:8: Unexpected Meta without a table, expected a `Field | Value` table with Type, Repo, Status and Created']
      }
    ]
  }
})
