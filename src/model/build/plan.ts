import type {Heading as MdHeading, ListItem, Nodes, RootContent, Table as MdTable} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {joinLines, normalizeTitle, plainValue, splitChunkId} from '../text.js'
import type {ChunkDetail, ChunkRow, CommunicationRow, Phase, Plan, Position, Section} from '../schema.js'
import {parseDetail} from './chunk-detail.js'
import {mergeChunks} from './chunks.js'
import {pos, parseTable, pick, firstParagraph} from './context.js'
import type {Ctx, ParsedRow} from './context.js'
import {dependsFrom} from './dependencies.js'
import {keepPhase, takePhase} from './reuse.js'
import {parseStream} from './streams.js'

/* The Execution Plan: its `###` groups (work streams, phases, communication) and each phase's table and items. */

export const phaseHeading = /^phase\s+(\d+)\b\s*(?:[:—–.-]\s*)?(.*)$/i

export function parsePlan(ctx: Ctx, section: Section, nodes: RootContent[], form: Plan['form']): Plan {
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
      plan.phases.push(reusedPhase(ctx, group.heading, group.nodes, phaseIndex++, headingPosition, groupPosition))
    } else {
      plan.otherHeadings.push({text, position: headingPosition})
    }
  }
  return plan
}

/** A phase read as `parsePhase` reads it, or taken over from the previous build when its text and index are unchanged. */
function reusedPhase(ctx: Ctx, heading: MdHeading, nodes: RootContent[], phaseIndex: number, headingPosition: Position, groupPosition: Position): Phase {
  const reuse = ctx.reuse
  if (!reuse) return parsePhase(ctx, heading, nodes, phaseIndex, headingPosition)
  const {offset, line} = groupPosition.start
  const key = `${phaseIndex}\u0000${ctx.source.slice(offset, groupPosition.end.offset)}`
  const taken = takePhase(reuse, key, offset, line)
  if (taken) return taken
  const phase = parsePhase(ctx, heading, nodes, phaseIndex, headingPosition)
  keepPhase(reuse, key, phase, offset, line)
  return phase
}

export function parsePhase(ctx: Ctx, heading: MdHeading | null, nodes: RootContent[], phaseIndex: number, headingPosition: Position): Phase {
  const text = heading ? toString(heading).trim() : ''
  const match = phaseHeading.exec(text)
  let name = match ? (match[2] ?? '').trim() : text
  const qualifiers: string[] = []
  // No leading `\s*`: it would rescan each run of spaces from every start.
  const qualifier = /\(([^()]*)\)\s*$/.exec(name)
  if (qualifier) {
    qualifiers.push(
      ...(qualifier[1] ?? '')
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean)
    )
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
    chunks: [],
    bullets: []
  }

  const items: Array<{item: ListItem; detail: ChunkDetail}> = []
  for (const node of nodes) {
    if (node.type === 'table' && !phase.table) {
      const parsed = parseTable(ctx, node)
      phase.table = parsed.table
      phase.rows = parsed.rows.map((row) => parseChunkRow(ctx, row, parsed.table.columns))
    } else if (node.type === 'list') {
      for (const item of node.children) items.push({item, detail: parseDetail(ctx, item)})
    }
  }
  const rowTitles = new Set(phase.rows.map((row) => normalizeTitle(row.title)).filter(Boolean))
  for (const {item, detail} of items) {
    if (isChunkItem(item, detail, rowTitles)) phase.details.push(detail)
    else phase.bullets.push({text: joinLines(toString(item)).trim(), position: detail.position})
  }
  phase.chunks = mergeChunks(phase, phaseIndex)
  return phase
}

/**
 * What the format makes a chunk: a checkbox item, an item with a bold title,
 * an item that starts with a chunk id (`C2.1`), or one named by a chunk-table
 * row. A plain bullet (a client action, a to-do) is not a chunk.
 */
export function isChunkItem(item: ListItem, detail: ChunkDetail, rowTitles: Set<string>): boolean {
  if (item.checked === true || item.checked === false) return true
  const lead = firstParagraph(item)?.children[0]
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) return true
  if (splitChunkId(detail.title).id) return true
  const norm = normalizeTitle(detail.title)
  if (norm === '') return false
  for (const title of rowTitles) if (title === norm || norm.startsWith(`${title} `) || title.startsWith(`${norm} `)) return true
  return false
}

export function parseChunkRow(ctx: Ctx, row: ParsedRow, columns: string[]): ChunkRow {
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
