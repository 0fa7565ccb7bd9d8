import type {
  Heading as MdHeading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Root,
  RootContent,
  Table as MdTable,
  TableRow
} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {location} from 'vfile-location'
import type {
  Acceptance,
  Cell,
  Chunk,
  ChunkDetail,
  ChunkRow,
  CodeBlock,
  CompletionPromise,
  CommunicationRow,
  DependencyRef,
  DependsOn,
  Field,
  Heading,
  Meta,
  MetaRow,
  Phase,
  Plan,
  Point,
  Position,
  ReferenceGroup,
  Requirement,
  Section,
  SectionName,
  Skill,
  SpecModel,
  Stream,
  Table
} from './schema.js'
import {chunkIndex} from './chunk-refs.js'
import {canonicalSection, extraSection, joinLines, normalizeTitle, plainValue, slugify, splitChunkId} from './text.js'

type Locate = (offset: number) => Point

interface Ctx {
  source: string
  point: Locate
}

/**
 * Build the spec model from a parsed tree in one pass over the top level,
 * descending only into the nodes a section's parser needs. Never throws on
 * well-formed mdast: what it cannot place stays an unknown section.
 */
export function buildSpec(tree: Root, source: string): SpecModel {
  const place = location(source)
  const ctx: Ctx = {
    source,
    point(offset) {
      const clamped = Math.max(0, Math.min(offset, source.length))
      const found = place.toPoint(clamped)
      if (found && typeof found.offset === 'number') {
        return {line: found.line, column: found.column, offset: found.offset}
      }
      return {line: 1, column: 1, offset: 0}
    }
  }

  const titles: Heading[] = []
  const sections: Array<{section: Section; nodes: RootContent[]}> = []
  let titleFirst = false
  let seenContent = false
  let current: {section: Section; nodes: RootContent[]} | undefined

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      titles.push({text: toString(node).trim(), position: pos(ctx, node)})
      if (!seenContent) titleFirst = true
      seenContent = true
      current = undefined
      continue
    }
    if (!isComment(node) && node.type !== 'yaml') seenContent = true
    if (node.type === 'heading' && node.depth === 2) {
      const title = toString(node).trim()
      const headingPosition = pos(ctx, node)
      current = {
        section: {
          title,
          canonical: canonicalSection(title),
          extra: extraSection(title),
          headingPosition,
          position: headingPosition,
          empty: true
        },
        nodes: []
      }
      sections.push(current)
      continue
    }
    if (current) {
      current.nodes.push(node)
      current.section.position = {start: current.section.position.start, end: pos(ctx, node).end}
      if (!isComment(node)) current.section.empty = false
    }
  }

  const model: SpecModel = {
    title: titles[0] ?? null,
    titles,
    titleFirst,
    sections: sections.map((s) => s.section),
    meta: null,
    overview: null,
    skills: [],
    requirements: [],
    referenceFiles: [],
    plan: null,
    chunks: [],
    acceptance: null,
    promise: null,
    promises: [],
    notes: null,
    codeBlocks: [],
    controlComments: []
  }

  for (const {section, nodes} of sections) {
    const name = section.canonical
    // The first occurrence of a known section is the one the model reads.
    switch (name) {
      case 'Meta':
        model.meta ??= parseMeta(ctx, section, nodes)
        break
      case 'Overview':
        model.overview ??= {
          position: section.position,
          blocks: nodes.filter((n) => !isComment(n)).map((n) => ({text: toString(n), position: pos(ctx, n)}))
        }
        break
      case 'Skills':
        if (model.skills.length === 0) model.skills = parseSkills(ctx, nodes)
        break
      case 'Requirements':
        if (model.requirements.length === 0) model.requirements = parseRequirements(ctx, nodes)
        break
      case 'Reference Files':
        if (model.referenceFiles.length === 0) model.referenceFiles = parseReferences(ctx, nodes)
        break
      case 'Execution Plan':
        model.plan ??= parsePlan(ctx, section, nodes, 'execution-plan')
        break
      case 'Acceptance Criteria':
        model.acceptance ??= parseAcceptance(ctx, section, nodes)
        break
      case 'Notes':
        model.notes ??= {position: section.position, blocks: nodes.filter((n) => !isComment(n)).length}
        break
      default:
        if (section.extra === 'Work Breakdown' && !sections.some((s) => s.section.canonical === 'Execution Plan')) {
          model.plan ??= parsePlan(ctx, section, nodes, 'work-breakdown')
        }
    }
  }

  if (model.plan) {
    model.chunks = model.plan.phases.flatMap((phase) => phase.chunks)
    resolveDependencies(model.chunks)
  }

  collectDeep(ctx, tree, model, sections)
  return model
}

/* ----------------------------------------------------------------- helpers */

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)
}

function pos(ctx: Ctx, node: Nodes): Position {
  const p = node.position
  if (p && typeof p.start.offset === 'number' && typeof p.end.offset === 'number') {
    return {
      start: {line: p.start.line, column: p.start.column, offset: p.start.offset},
      end: {line: p.end.line, column: p.end.column, offset: p.end.offset}
    }
  }
  return range(ctx, 0, 0)
}

function range(ctx: Ctx, start: number, end: number): Position {
  return {start: ctx.point(start), end: ctx.point(end)}
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0
}

/** A table cell's content range: pipes and padding excluded. */
function cell(ctx: Ctx, node: Nodes | undefined, fallback: Position): Cell {
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

interface ParsedRow {
  position: Position
  cells: Record<string, Cell>
}

function parseTable(ctx: Ctx, table: MdTable): {table: Table; rows: ParsedRow[]} {
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

function pick(row: Record<string, Cell>, ...names: string[]): Cell | undefined {
  for (const name of names) {
    const found = row[name]
    if (found) return found
  }
  return undefined
}

/** Source lines of a node with their absolute offsets. */
function lines(ctx: Ctx, node: Nodes): Array<{text: string; start: number}> {
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

function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0]
  return first?.type === 'paragraph' ? first : undefined
}

function firstInlineCode(node: Nodes): string | null {
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const next = stack.shift() as Nodes
    if (next.type === 'inlineCode') return next.value
    if ('children' in next && next.type !== 'list') stack.unshift(...(next.children as Nodes[]))
  }
  return null
}

/* -------------------------------------------------------------------- meta */

const metaFields = ['type', 'repo', 'status', 'created'] as const

function parseMeta(ctx: Ctx, section: Section, nodes: RootContent[]): Meta {
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

/* ------------------------------------------------- skills, requirements … */

function parseSkills(ctx: Ctx, nodes: RootContent[]): Skill[] {
  const skills: Skill[] = []
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const paragraph = firstParagraph(item)
      const text = (paragraph ? toString(paragraph) : toString(item)).trim()
      const code = paragraph ? firstInlineCode(paragraph) : null
      const name = (code ?? text.split(/\s+[—–-]\s+|:\s/)[0] ?? '').trim()
      skills.push({name, text, position: pos(ctx, item)})
    }
  }
  return skills
}

const requirementId = /^\s*(?:\*\*|__)?(R\d+)(?:\*\*|__)?\s*[:.)—–-]?\s+/

function parseRequirements(ctx: Ctx, nodes: RootContent[]): Requirement[] {
  const out: Requirement[] = []
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) {
        const text = toString(item).trim()
        out.push({id: requirementId.exec(text)?.[1] ?? null, text, kind: 'item', position: pos(ctx, item)})
      }
    } else if (node.type === 'paragraph') {
      const text = toString(node).trim()
      out.push({id: requirementId.exec(text)?.[1] ?? null, text, kind: 'paragraph', position: pos(ctx, node)})
    }
  }
  return out
}

function parseReferences(ctx: Ctx, nodes: RootContent[]): ReferenceGroup[] {
  const groups: ReferenceGroup[] = []
  let group: ReferenceGroup | undefined
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const first = node.children[0]
      if (first?.type === 'strong') {
        const label = toString(first).trim().replace(/:$/, '').trim()
        const rest = node.children.slice(1)
        group = {label, position: pos(ctx, node), entries: []}
        groups.push(group)
        const restText = rest.map((c) => toString(c)).join('').replace(/^\s*:\s*/, '').trim()
        if (restText) {
          const path = firstInlineCode({type: 'paragraph', children: rest})
          group.entries.push({path, description: describe(restText, path), text: restText, position: pos(ctx, node)})
        }
      }
    } else if (node.type === 'list') {
      if (!group) {
        group = {label: null, position: pos(ctx, node), entries: []}
        groups.push(group)
      }
      for (const item of node.children) {
        const paragraph = firstParagraph(item)
        const text = (paragraph ? toString(paragraph) : toString(item)).trim()
        const path = paragraph ? firstInlineCode(paragraph) : null
        group.entries.push({path, description: describe(text, path), text, position: pos(ctx, item)})
      }
      group.position = {start: group.position.start, end: pos(ctx, node).end}
    }
  }
  return groups
}

function describe(text: string, path: string | null): string {
  const rest = path ? text.replace(path, '') : text
  return rest.replace(/^[\s—–:-]+/, '').trim()
}

function parseAcceptance(ctx: Ctx, section: Section, nodes: RootContent[]): Acceptance {
  const criteria: Acceptance['criteria'] = []
  let otherBlocks = 0
  for (const node of nodes) {
    if (isComment(node)) continue
    if (node.type !== 'list') {
      otherBlocks++
      continue
    }
    for (const item of node.children) {
      const paragraph = firstParagraph(item)
      const commands: string[] = []
      const stack: Nodes[] = [item]
      while (stack.length > 0) {
        const next = stack.pop() as Nodes
        if (next.type === 'inlineCode') commands.push(next.value)
        else if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes)
      }
      criteria.push({
        text: joinLines(paragraph ? toString(paragraph) : toString(item)).trim(),
        checked: item.checked ?? null,
        commands,
        position: pos(ctx, item)
      })
    }
  }
  return {position: section.position, criteria, otherBlocks}
}

/* -------------------------------------------------------- execution plan */

const phaseHeading = /^phase\s+(\d+)\b\s*(?:[:—–.-]\s*)?(.*)$/i

function parsePlan(ctx: Ctx, section: Section, nodes: RootContent[], form: Plan['form']): Plan {
  const plan: Plan = {form, position: section.position, workStreams: null, phases: [], communication: null, otherHeadings: []}
  // Split the section at its `###` headings.
  const groups: Array<{heading: MdHeading | null; nodes: RootContent[]}> = [{heading: null, nodes: []}]
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) groups.push({heading: node, nodes: []})
    else (groups[groups.length - 1] as {nodes: RootContent[]}).nodes.push(node)
  }

  let phaseIndex = 0
  for (const group of groups) {
    if (!group.heading) {
      if (form === 'work-breakdown' && group.nodes.some((n) => n.type === 'list')) {
        plan.phases.push(parsePhase(ctx, null, group.nodes, phaseIndex++, section.headingPosition))
      }
      continue
    }
    const text = toString(group.heading).trim()
    const headingPosition = pos(ctx, group.heading)
    const end = group.nodes.length > 0 ? pos(ctx, group.nodes[group.nodes.length - 1] as Nodes).end : headingPosition.end
    const groupPosition = {start: headingPosition.start, end}
    if (/^work\s*streams?\b/i.test(text)) {
      const table = group.nodes.find((n): n is MdTable => n.type === 'table')
      plan.workStreams ??= {position: groupPosition, table: null, streams: []}
      if (table && !plan.workStreams.table) {
        const parsed = parseTable(ctx, table)
        plan.workStreams.table = parsed.table
        plan.workStreams.streams = parsed.rows.map((row) => parseStream(ctx, row))
      }
    } else if (/^communication\b/i.test(text)) {
      const table = group.nodes.find((n): n is MdTable => n.type === 'table')
      plan.communication ??= {position: groupPosition, table: null, rows: []}
      if (table && !plan.communication.table) {
        const parsed = parseTable(ctx, table)
        plan.communication.table = parsed.table
        plan.communication.rows = parsed.rows.map((row): CommunicationRow => {
          const cells = row.cells
          return {
            from: plainValue(pick(cells, 'from')?.text ?? ''),
            to: plainValue(pick(cells, 'to')?.text ?? ''),
            when: pick(cells, 'when')?.text ?? '',
            what: pick(cells, 'what')?.text ?? '',
            position: row.position,
            cells
          }
        })
      }
    } else if (phaseHeading.test(text) || form === 'work-breakdown') {
      plan.phases.push(parsePhase(ctx, group.heading, group.nodes, phaseIndex++, headingPosition))
    } else {
      plan.otherHeadings.push({text, position: headingPosition})
    }
  }
  return plan
}

function parseStream(ctx: Ctx, row: ParsedRow): Stream {
  const cells = row.cells
  const owns = pick(cells, 'owns', 'files', 'owns files')
  const patterns: Stream['owns'] = []
  if (owns && owns.raw) {
    // Split the raw cell on commas (outside backticks) keeping exact offsets.
    const base = owns.position.start.offset
    const re = /(?:`[^`]*`|[^,`])+/g
    let match: RegExpExecArray | null
    while ((match = re.exec(owns.raw))) {
      const rawPart = match[0]
      const lead = rawPart.length - rawPart.trimStart().length
      const pattern = pathValue(rawPart)
      if (!pattern || /^[—–-]$/.test(pattern)) continue
      const start = base + match.index + lead
      patterns.push({pattern, position: range(ctx, start, start + rawPart.trim().length)})
    }
  }
  const skills = pick(cells, 'skills')?.text ?? ''
  return {
    name: plainValue(pick(cells, 'stream', 'name')?.text ?? ''),
    responsibility: pick(cells, 'responsibility')?.text ?? '',
    owns: patterns,
    skills: splitList(skills),
    position: row.position,
    cells
  }
}

/**
 * A path or glob as written in an Owns cell: backticks dropped, but `**` kept
 * (it is a globstar there, not bold) unless it wraps the whole value.
 */
function pathValue(raw: string): string {
  const value = raw.trim()
  const code = /^`([^`]*)`$/.exec(value)
  if (code) return (code[1] ?? '').trim()
  const bold = /^\*\*([^*]+)\*\*$/.exec(value)
  if (bold) return (bold[1] ?? '').trim()
  return value.replace(/`/g, '').trim()
}

function splitList(value: string): string[] {
  return value
    // Split on the comma alone: plainValue trims, and `\s*,\s*` backtracks
    // over long runs of spaces.
    .split(',')
    .map((s) => plainValue(s))
    .filter((s) => s && !/^[—–-]$/.test(s))
}

function parsePhase(ctx: Ctx, heading: MdHeading | null, nodes: RootContent[], phaseIndex: number, headingPosition: Position): Phase {
  const text = heading ? toString(heading).trim() : ''
  const match = phaseHeading.exec(text)
  let name = match ? (match[2] ?? '').trim() : text
  const qualifiers: string[] = []
  // No leading `\s*`: it would rescan each run of spaces from every start.
  const qualifier = /\(([^()]*)\)\s*$/.exec(name)
  if (qualifier) {
    qualifiers.push(...(qualifier[1] ?? '').split(',').map((q) => q.trim()).filter(Boolean))
    name = name.slice(0, qualifier.index).trim()
  }
  const end = nodes.length > 0 ? pos(ctx, nodes[nodes.length - 1] as Nodes).end : headingPosition.end
  const phase: Phase = {
    number: match ? Number(match[1]) : null,
    name,
    heading: text,
    qualifiers,
    headingPosition,
    position: {start: headingPosition.start, end},
    table: null,
    rows: [],
    details: [],
    chunks: []
  }

  for (const node of nodes) {
    if (node.type === 'table' && !phase.table) {
      const parsed = parseTable(ctx, node)
      phase.table = parsed.table
      phase.rows = parsed.rows.map((row) => parseChunkRow(ctx, row, parsed.table.columns))
    } else if (node.type === 'list') {
      for (const item of node.children) phase.details.push(parseDetail(ctx, item))
    }
  }
  phase.chunks = mergeChunks(phase, phaseIndex)
  return phase
}

function parseChunkRow(ctx: Ctx, row: ParsedRow, columns: string[]): ChunkRow {
  const cells = row.cells
  const title = pick(cells, 'chunk', 'name', 'title') ?? cells[(columns[0] ?? '').toLowerCase()]
  const depends = pick(cells, 'depends on', 'depends', 'dependencies', 'blocked by')
  const stream = pick(cells, 'stream')
  return {
    title: title ? plainValue(title.text) : '',
    stream: stream ? plainValue(stream.text) : null,
    outcome: pick(cells, 'outcome')?.text ?? null,
    dependsOn: depends ? dependsFrom(ctx, depends.raw, depends.position.start.offset, depends.position) : null,
    position: row.position,
    cells
  }
}

/** Split a Depends On value into references at `+`, `,`, `&` and `and`. */
function dependsFrom(ctx: Ctx, raw: string, base: number, position: Position): DependsOn {
  const refs: DependencyRef[] = []
  const separator = /\s*(?:\+|,|&|\band\b)\s*/gi
  let last = 0
  const push = (start: number, end: number) => {
    const part = raw.slice(start, end)
    const lead = part.length - part.trimStart().length
    const text = plainValue(part)
    if (!text && part.trim() === '') return
    const from = base + start + lead
    refs.push({text, kind: 'unknown', phase: null, target: null, position: range(ctx, from, from + part.trim().length)})
  }
  let match: RegExpExecArray | null
  while ((match = separator.exec(raw))) {
    if (match[0].length === 0) {
      separator.lastIndex++
      continue
    }
    push(last, match.index)
    last = match.index + match[0].length
  }
  push(last, raw.length)
  return {raw, refs, position}
}

const fieldLine = /^(\s*(?:[-*]\s+)?(?:\*\*|__)?\s*(outcome|stream|skills|depends on|dependencies|blocked by)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*)(.*)$/i
const issuePattern = /^\s*\(([^()\s]{1,40})\)/

function parseDetail(ctx: Ctx, item: ListItem): ChunkDetail {
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
  const fieldLines: Array<{text: string; start: number}> = []
  if (paragraph) {
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
    let rest = ctx.source.slice(afterTitle, Math.max(afterTitle, lineEnd))
    const issue = issuePattern.exec(rest)
    if (issue) {
      const idStart = afterTitle + (issue.index ?? 0) + issue[0].indexOf('(') + 1
      const value = issue[1] ?? ''
      if (/^[A-Za-z]+[-_ ]?\d+$/.test(value) || /^[A-Z][A-Z0-9]*-\d+$/.test(value)) {
        detail.issueId = {value, valid: /^[A-Z][A-Z0-9]*-\d+$/.test(value), position: range(ctx, idStart, idStart + value.length)}
        rest = rest.slice(issue[0].length)
      }
    }
    detail.note = rest.replace(/^[\s—–:-]+/, '').trim()
    fieldLines.push(...all.slice(1))
  }
  for (const child of item.children) {
    if (child === paragraph) continue
    if (child.type === 'paragraph') fieldLines.push(...lines(ctx, child))
    else if (child.type === 'list') {
      for (const sub of child.children) {
        const subText = joinLines(firstParagraph(sub) ? toString(firstParagraph(sub) as Paragraph) : toString(sub)).trim()
        // A field written as a bullet (`- Outcome: …`) is a field, not a sub-task.
        const asField = firstParagraph(sub) ? fieldOf(ctx, lines(ctx, firstParagraph(sub) as Paragraph)[0]) : null
        if (asField && detail[asField.key] === null) {
          assignField(ctx, detail, asField)
          continue
        }
        detail.subtasks.push({text: subText, position: pos(ctx, sub)})
      }
    }
  }

  let previous: {key: 'outcome' | 'stream' | 'skills' | 'dependsOn'} | null = null
  for (const line of fieldLines) {
    // `Stream: x · Skills: y` on one line.
    const segments = splitSegments(line)
    let matched = false
    for (const segment of segments) {
      const field = fieldOf(ctx, segment)
      if (field) {
        assignField(ctx, detail, field)
        previous = {key: field.key}
        matched = true
      }
    }
    if (!matched && previous && line.text.trim()) {
      const key = previous.key
      const existing = detail[key]
      if (key === 'outcome' && existing && 'value' in existing) {
        const end = line.start + line.text.length
        existing.value = `${existing.value} ${plainValue(line.text)}`.trim()
        existing.position = {start: existing.position.start, end: ctx.point(end)}
      }
    }
  }
  return detail
}

function splitSegments(line: {text: string; start: number}): Array<{text: string; start: number}> {
  if (!/[·•|]/.test(line.text)) return [line]
  const out: Array<{text: string; start: number}> = []
  const re = /[^·•|]+/g
  let match: RegExpExecArray | null
  while ((match = re.exec(line.text))) out.push({text: match[0], start: line.start + match.index})
  return out
}

type FieldHit = {key: 'outcome' | 'stream' | 'skills' | 'dependsOn'; raw: string; start: number; end: number}

function fieldOf(_ctx: Ctx, line: {text: string; start: number} | undefined): FieldHit | null {
  if (!line) return null
  const match = fieldLine.exec(line.text)
  if (!match) return null
  const label = (match[2] ?? '').toLowerCase()
  const key: FieldHit['key'] =
    label === 'outcome' ? 'outcome' : label === 'stream' ? 'stream' : label === 'skills' ? 'skills' : 'dependsOn'
  const valueRaw = (match[3] ?? '').replace(/\s+$/, '')
  const start = line.start + (match[1] ?? '').length
  return {key, raw: valueRaw, start, end: start + valueRaw.length}
}

function assignField(ctx: Ctx, detail: ChunkDetail, hit: FieldHit): void {
  const position = range(ctx, hit.start, hit.end)
  if (hit.key === 'dependsOn') {
    detail.dependsOn = dependsFrom(ctx, hit.raw, hit.start, position)
    return
  }
  const field: Field = {value: plainValue(hit.raw), position}
  detail[hit.key] = field
}

/** Positions of each value, first last, so the first unused one is popped from the end. */
function indexOf(values: Array<string | null>): Map<string, number[]> {
  const index = new Map<string, number[]>()
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i]
    if (value === null || value === undefined) continue
    const list = index.get(value)
    if (list) list.push(i)
    else index.set(value, [i])
  }
  return index
}

function mergeChunks(phase: Phase, phaseIndex: number): Chunk[] {
  const used = new Set<number>()
  const normDetails = phase.details.map((d) => normalizeTitle(d.title))
  const idDetails = phase.details.map((d) => splitChunkId(d.title).id)
  const pairs: Array<{row: ChunkRow | null; detail: ChunkDetail | null}> = []

  // Exact matches through an index, so a phase with thousands of chunks stays linear.
  const byNorm = indexOf(normDetails)
  const byId = indexOf(idDetails)
  const firstUnused = (index: Map<string, number[]>, key: string): number => {
    const list = index.get(key)
    if (!list) return -1
    // `used` only grows, so indices skipped here are never wanted again.
    while (list.length > 0 && used.has(list[list.length - 1] as number)) list.pop()
    return list.length > 0 ? (list[list.length - 1] as number) : -1
  }

  const findDetail = (row: ChunkRow): number => {
    const norm = normalizeTitle(row.title)
    const id = splitChunkId(row.title).id
    let found = norm === '' ? -1 : firstUnused(byNorm, norm)
    if (found < 0 && id) found = firstUnused(byId, id)
    if (found < 0 && norm) {
      // A title that extends the other's (`Login and register` ↔ `… endpoints`).
      found = normDetails.findIndex(
        (d, i) => !used.has(i) && d !== '' && (d.startsWith(`${norm} `) || norm.startsWith(`${d} `))
      )
    }
    return found
  }

  for (const row of phase.rows) {
    const index = findDetail(row)
    if (index >= 0) used.add(index)
    pairs.push({row, detail: index >= 0 ? (phase.details[index] as ChunkDetail) : null})
  }
  phase.details.forEach((detail, index) => {
    if (!used.has(index)) pairs.push({row: null, detail})
  })

  return pairs.map(({row, detail}): Chunk => {
    const title = detail?.title || row?.title || ''
    const split = splitChunkId(title)
    // `**C0.1** New Next.js app …`: the bold part is only an id; the text names the chunk.
    if (!split.rest && split.id && detail?.note) split.rest = firstClause(detail.note)
    const rowSplit = row ? splitChunkId(row.title) : {id: null, rest: ''}
    const skills = detail?.skills ? splitList(detail.skills.value) : null
    return {
      key: '',
      id: split.id ?? rowSplit.id,
      title: split.rest || title,
      slug: slugify(title),
      phase: phase.number,
      phaseIndex,
      issueId: detail?.issueId?.value ?? null,
      checked: detail?.checked ?? null,
      stream: detail?.stream?.value || row?.stream || null,
      outcome: detail?.outcome?.value ?? row?.outcome ?? null,
      skills,
      dependsOn: [...(row?.dependsOn?.refs ?? []), ...(detail?.dependsOn?.refs ?? [])],
      subtasks: detail?.subtasks.map((s) => s.text) ?? [],
      row,
      detail
    }
  })
}

function firstClause(text: string): string {
  const clause = (/^(.*?)(?:[;.]\s|\s[—–]\s|$)/.exec(text)?.[1] ?? text).trim()
  return clause.length > 80 ? `${clause.slice(0, 79).trimEnd()}…` : clause
}

/* ---------------------------------------------------- dependency resolve */

function resolveDependencies(chunks: Chunk[]): void {
  const keys = new Set<string>()
  // The next suffix to try per base key: thousands of same-named chunks stay linear.
  const suffixes = new Map<string, number>()
  for (const chunk of chunks) {
    let key = chunk.id ?? (chunk.slug || `chunk-${chunk.phaseIndex + 1}`)
    if (keys.has(key)) {
      const base = key
      let n = suffixes.get(base) ?? 2
      while (keys.has(`${base}-${n}`)) n++
      suffixes.set(base, n + 1)
      key = `${base}-${n}`
    }
    keys.add(key)
    chunk.key = key
  }

  const index = chunkIndex(chunks)

  const lookup = (text: string): Omit<DependencyRef, 'text' | 'position'> | null => {
    const t = text.trim()
    if (t === '' || /^(?:[—–-]+|none|n\/a|na)$/i.test(t)) return {kind: 'none', phase: null, target: null}
    const phase = /^phase\s+(\d+)$/i.exec(t)
    if (phase) return {kind: 'phase', phase: Number(phase[1]), target: null}
    const chunk = index.resolve(t)
    if (chunk) return {kind: 'chunk', phase: chunk.phase, target: chunk.key}
    return null
  }

  for (const chunk of chunks) {
    for (const source of [chunk.row?.dependsOn, chunk.detail?.dependsOn]) {
      if (!source) continue
      source.refs = joinRefs(source.refs, lookup)
    }
    chunk.dependsOn = [...(chunk.row?.dependsOn?.refs ?? []), ...(chunk.detail?.dependsOn?.refs ?? [])]
  }
}

/** The most Depends On parts one chunk title may span when re-joined. */
const maxJoinedParts = 8

/**
 * Re-join split parts greedily, longest first, so that a title containing a
 * separator (`User model + token model`) resolves as one reference.
 */
function joinRefs(
  parts: DependencyRef[],
  lookup: (text: string) => Omit<DependencyRef, 'text' | 'position'> | null
): DependencyRef[] {
  const out: DependencyRef[] = []
  let i = 0
  while (i < parts.length) {
    let done = false
    // A title spans a few separators at most; the cap keeps a hostile cell linear.
    for (let j = Math.min(parts.length, i + maxJoinedParts); j > i + 1; j--) {
      const first = parts[i] as DependencyRef
      const last = parts[j - 1] as DependencyRef
      const joinedText = joinedSource(parts.slice(i, j))
      const hit = lookup(joinedText)
      if (hit && hit.kind === 'chunk') {
        out.push({text: joinedText, ...hit, position: {start: first.position.start, end: last.position.end}})
        i = j
        done = true
        break
      }
    }
    if (done) continue
    const part = parts[i] as DependencyRef
    const hit = lookup(part.text)
    out.push(hit ? {...part, ...hit} : part)
    i++
  }
  return out
}

function joinedSource(parts: DependencyRef[]): string {
  // Separators are not kept in parts; `+` is the canonical join for lookup
  // because normalizeTitle treats `+`, `&` and `and` alike.
  return parts.map((p) => p.text).join(' + ')
}

/* ------------------------------------------------------------- deep pass */

function collectDeep(ctx: Ctx, tree: Root, model: SpecModel, sections: Array<{section: Section}>): void {
  // Sections are in source order: binary search, for files with thousands of them.
  const sectionAt = (offset: number): Section | null => {
    let low = 0
    let high = sections.length - 1
    let found: Section | null = null
    while (low <= high) {
      const mid = (low + high) >> 1
      const section = (sections[mid] as {section: Section}).section
      if (section.headingPosition.start.offset <= offset) {
        found = section
        low = mid + 1
      } else high = mid - 1
    }
    if (found && offset > found.position.end.offset) return null
    return found
  }
  const codeBlocks: CodeBlock[] = []
  const promises: CompletionPromise[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    if (node.type === 'code') {
      const section = sectionAt(startOf(node))
      codeBlocks.push({
        lang: node.lang ?? null,
        lines: node.value === '' ? 0 : node.value.split('\n').length,
        section: section ? (section.canonical ?? section.title) : null,
        position: pos(ctx, node)
      })
      continue
    }
    if (node.type === 'html') {
      if (/^<!--\s*spec-lint\b/.test(node.value)) model.controlComments.push({value: node.value, position: pos(ctx, node)})
      if (/<promise>/i.test(node.value) && /<\/promise>/i.test(node.value)) {
        findPromises(ctx, startOf(node), node.value, sectionAt, promises)
      }
      continue
    }
    if (node.type === 'paragraph' && node.children.some((c) => c.type === 'html' && /^<promise>$/i.test(c.value))) {
      const start = startOf(node)
      findPromises(ctx, start, ctx.source.slice(start, endOf(node)), sectionAt, promises)
      continue
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
    }
  }

  promises.sort((a, b) => a.position.start.offset - b.position.start.offset)
  codeBlocks.sort((a, b) => a.position.start.offset - b.position.start.offset)
  model.controlComments.sort((a, b) => a.position.start.offset - b.position.start.offset)

  if (promises.length === 0) {
    // A backticked bare value in the Completion Promise section.
    const section = sections.find((s) => s.section.canonical === 'Completion Promise')
    const body = section ? sectionBodyNodes(tree, section.section) : []
    for (const node of body) {
      const stackCode: Nodes[] = [node]
      while (stackCode.length > 0) {
        const next = stackCode.pop() as Nodes
        if (next.type === 'inlineCode' && /^[A-Za-z0-9_]+$/.test(next.value.trim())) {
          const p = pos(ctx, next)
          promises.push({
            value: next.value.trim(),
            raw: ctx.source.slice(p.start.offset, p.end.offset),
            form: 'code',
            position: p,
            valuePosition: range(ctx, p.start.offset + 1, p.end.offset - 1),
            section: 'Completion Promise'
          })
          break
        }
        if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stackCode.push(next.children[i] as Nodes)
      }
      if (promises.length > 0) break
    }
  }
  model.promises = promises
  model.promise = promises[0] ?? null
  model.codeBlocks = codeBlocks
}

function sectionBodyNodes(tree: Root, section: Section): RootContent[] {
  return tree.children.filter(
    (n) => startOf(n) > section.headingPosition.end.offset && endOf(n) <= section.position.end.offset
  )
}

function findPromises(
  ctx: Ctx,
  base: number,
  text: string,
  sectionAt: (offset: number) => Section | null,
  out: CompletionPromise[]
): void {
  const re = /<promise>([^<]*)<\/promise>/gi
  let match: RegExpExecArray | null
  while ((match = re.exec(text))) {
    const start = base + match.index
    const valueStart = start + '<promise>'.length
    const value = match[1] ?? ''
    out.push({
      value: value.trim(),
      raw: match[0],
      form: 'tag',
      position: range(ctx, start, start + match[0].length),
      valuePosition: range(ctx, valueStart, valueStart + value.length),
      section: sectionAt(start)?.canonical ?? null
    })
  }
}
