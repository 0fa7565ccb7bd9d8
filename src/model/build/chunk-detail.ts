import type {ListItem, Nodes, Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {joinLines, plainValue} from '../text.js'
import type {ChunkDetail, Field} from '../schema.js'
import {pos, range, startOf, endOf, lines, firstParagraph} from './context.js'
import type {Ctx} from './context.js'
import {dependsFrom} from './dependencies.js'

/* A chunk's checklist item: its title, issue id, text, field lines and sub-tasks. */

export const fieldLine =
  /^(\s*(?:[-*]\s+)?(?:\*\*|__)?\s*(outcome|stream|skills|depends on|dependencies|blocked by)\s*(?:\([^()]{0,40}\)\s*)?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*)(.*)$/i
export const issuePattern = /^\s*\(([^()\s]{1,40})\)/

type Line = {text: string; start: number}

export function parseDetail(ctx: Ctx, item: ListItem): ChunkDetail {
  const itemPosition = pos(ctx, item)
  const detail: ChunkDetail = {
    title: '',
    titlePosition: itemPosition,
    checked: item.checked ?? null,
    issueId: null,
    note: '',
    outcome: null,
    stream: null,
    skills: null,
    dependsOn: null,
    subtasks: [],
    position: itemPosition
  }
  const paragraph = firstParagraph(item)
  const fieldLines = paragraph ? readTitleParagraph(ctx, detail, paragraph) : []
  for (const child of item.children) {
    if (child === paragraph) continue
    if (child.type === 'paragraph') fieldLines.push(...lines(ctx, child))
    else if (child.type === 'list') readSubtasks(ctx, detail, child.children)
  }
  readFieldLines(ctx, detail, fieldLines)
  return detail
}

/** The title (bold, or the first line), an issue id after it and the text that follows; returns the field lines. */
function readTitleParagraph(ctx: Ctx, detail: ChunkDetail, paragraph: Paragraph): Line[] {
  const all = lines(ctx, paragraph)
  const first = all[0] ?? {text: '', start: startOf(paragraph)}
  const lead = paragraph.children[0]
  let afterTitle: number
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) {
    const inner = lead.children
    const innerStart = inner.length > 0 ? startOf(inner[0] as Nodes) : startOf(lead)
    const innerEnd = inner.length > 0 ? endOf(inner[inner.length - 1] as Nodes) : endOf(lead)
    detail.title = toString(lead).trim()
    detail.titlePosition = range(ctx, innerStart, innerEnd)
    afterTitle = endOf(lead)
  } else {
    const end = first.start + first.text.length
    detail.title = plainValue(first.text)
    detail.titlePosition = range(ctx, first.start, end)
    afterTitle = end
  }
  const lineEnd = first.start + first.text.length
  const rest = readIssueId(ctx, detail, afterTitle, ctx.source.slice(afterTitle, Math.max(afterTitle, lineEnd)))
  detail.note = rest.replace(/^[\s—–:-]+/, '').trim()
  // Lines after the title that are not fields continue the title's text.
  let index = 1
  while (index < all.length && !fieldOf(ctx, splitSegments(all[index] as Line)[0])) {
    const line = (all[index] as Line).text.trim()
    if (line) detail.note = detail.note ? `${detail.note} ${line}` : line
    index++
  }
  return all.slice(index)
}

/** `(ABC-123)` right after the title; returns the text after it. */
function readIssueId(ctx: Ctx, detail: ChunkDetail, afterTitle: number, rest: string): string {
  const issue = issuePattern.exec(rest)
  if (!issue) return rest
  const idStart = afterTitle + (issue.index ?? 0) + issue[0].indexOf('(') + 1
  const value = issue[1] ?? ''
  if (!/^[A-Za-z]+[-_ ]?\d+$/.test(value) && !/^[A-Z][A-Z0-9]*-\d+$/.test(value)) return rest
  detail.issueId = {value, valid: /^[A-Z][A-Z0-9]*-\d+$/.test(value), position: range(ctx, idStart, idStart + value.length)}
  return rest.slice(issue[0].length)
}

function readSubtasks(ctx: Ctx, detail: ChunkDetail, items: ListItem[]): void {
  for (const sub of items) {
    const first = firstParagraph(sub)
    const subText = joinLines(first ? toString(first) : toString(sub)).trim()
    // A field written as a bullet (`- Outcome: …`) is a field, not a sub-task.
    const asField = first ? fieldOf(ctx, lines(ctx, first)[0]) : null
    if (asField && detail[asField.key] === null) {
      assignField(ctx, detail, asField)
      continue
    }
    detail.subtasks.push({text: subText, position: pos(ctx, sub)})
  }
}

/** Field lines, several on one line (`Stream: x · Skills: y`), an Outcome continued on the next lines. */
function readFieldLines(ctx: Ctx, detail: ChunkDetail, fieldLines: Line[]): void {
  let previous: FieldHit['key'] | null = null
  for (const line of fieldLines) {
    let matched = false
    for (const segment of splitSegments(line)) {
      const field = fieldOf(ctx, segment)
      if (field) {
        assignField(ctx, detail, field)
        previous = field.key
        matched = true
      }
    }
    const existing = detail.outcome
    if (!matched && previous === 'outcome' && existing && line.text.trim()) {
      existing.value = `${existing.value} ${plainValue(line.text)}`.trim()
      existing.position = {start: existing.position.start, end: ctx.point(line.start + line.text.length)}
    }
  }
}

export function splitSegments(line: {text: string; start: number}): Array<{text: string; start: number}> {
  if (!/[·•|]/.test(line.text)) return [line]
  const out: Array<{text: string; start: number}> = []
  const re = /[^·•|]+/g
  let match: RegExpExecArray | null
  while ((match = re.exec(line.text))) out.push({text: match[0], start: line.start + match.index})
  return out
}

export type FieldHit = {key: 'outcome' | 'stream' | 'skills' | 'dependsOn'; raw: string; start: number; end: number}

export function fieldOf(_ctx: Ctx, line: {text: string; start: number} | undefined): FieldHit | null {
  if (!line) return null
  const match = fieldLine.exec(line.text)
  if (!match) return null
  const label = (match[2] ?? '').toLowerCase()
  const key: FieldHit['key'] = label === 'outcome' ? 'outcome' : label === 'stream' ? 'stream' : label === 'skills' ? 'skills' : 'dependsOn'
  const valueRaw = (match[3] ?? '').replace(/\s+$/, '')
  const start = line.start + (match[1] ?? '').length
  return {key, raw: valueRaw, start, end: start + valueRaw.length}
}

export function assignField(ctx: Ctx, detail: ChunkDetail, hit: FieldHit): void {
  const position = range(ctx, hit.start, hit.end)
  if (hit.key === 'dependsOn') {
    detail.dependsOn = dependsFrom(ctx, hit.raw, hit.start, position)
    return
  }
  const field: Field = {value: plainValue(hit.raw), position}
  detail[hit.key] = field
}
