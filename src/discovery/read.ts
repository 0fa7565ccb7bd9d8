import type {Code, Heading, List, ListItem, Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {parseMarkdown, refusalOf} from '../parse/index.js'
import type {InputLimits} from '../parse/index.js'
import {inlineReader, isLabel, isStruck, itemText, labelWords, leadOf, leadingId, paragraphItem, rowItem, tableCells, toItem} from './inline.js'
import type {Inline} from './inline.js'
import {readReferences} from './references.js'
import {classifyHeading, classifySubheading, discoveryTitle, headingKey, isNarrative} from './sections.js'
import {emptyDiscovery} from './types.js'
import type {Decision, Discovery, DiscoveryItem, DiscoveryQuestion, DiscoverySection} from './types.js'

interface Segment {
  kind: DiscoverySection | null
  heading: string
  nodes: RootContent[]
}

/**
 * Read a discovery document through the parse layer and its input limits.
 * Tolerant: an unrecognised document gives empty lists, a refused one its reason.
 */
export function readDiscovery(source: string, options: {limits?: InputLimits} = {}): Discovery {
  const {file, tree, refused} = parseMarkdown(new VFile({value: source}), options)
  const doc = emptyDiscovery()
  if (refused) {
    doc.refused = refusalOf(file) ?? 'refused'
    return doc
  }
  const text = String(file.value)
  const inline = inlineReader(text)
  doc.prose = proseOf(tree)

  const header: RootContent[] = []
  const segments: Segment[] = []
  // Sections are H2s; a document written with H3s under its title only has its sections one level down.
  const depths = tree.children.flatMap((node, index) => (node.type === 'heading' && !(index === 0 && node.depth === 1) ? [node.depth] : []))
  const sectionDepth = depths.includes(2) || depths.length === 0 ? 2 : Math.max(2, Math.min(...depths))
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && doc.title === null && segments.length === 0) {
      doc.title = discoveryTitle(toString(node)) || null
      continue
    }
    const current = segments[segments.length - 1]
    if (node.type === 'heading' && (node.depth <= sectionDepth || (doc.title === null && segments.length === 0))) {
      const heading = toString(node).replace(/\s+/g, ' ').trim()
      segments.push({kind: classifyHeading(heading), heading, nodes: []})
    } else if (node.type === 'heading' && current) {
      // `### Known Risks` inside a broader section opens its own; `### Sitemap` stays in its parent.
      const heading = toString(node).replace(/\s+/g, ' ').trim()
      const sub = classifySubheading(heading)
      if (sub && sub !== current.kind && current.kind !== 'scope') segments.push({kind: sub, heading, nodes: []})
      else current.nodes.push(node)
    } else if (current) {
      current.nodes.push(node)
    } else {
      header.push(node)
    }
  }

  readHeaders(header, inline, doc)
  for (const segment of segments) readSegment(segment, inline, doc)
  return doc
}

function readHeaders(nodes: RootContent[], inline: Inline, doc: Discovery): void {
  for (const node of nodes) {
    if (node.type !== 'paragraph') continue
    for (const line of inline(node, true).split('\n')) {
      // `**Created:** 2026-02-19 **Status:** Ready` on one line holds two.
      for (const part of line.split(/(?=\*\*[^*\n]{1,40}:\*\*)/)) {
        const match = /^\*\*([^*:]{1,40}):\*\*(.*)$/.exec(part.trim())
        if (match?.[1]) doc.headers[match[1].trim()] = (match[2] ?? '').trim()
      }
    }
  }
}

function readSegment(segment: Segment, inline: Inline, doc: Discovery): void {
  const {kind, heading, nodes} = segment
  if (kind === null) {
    if (isNarrative(heading)) {
      doc.uncarried.push(heading)
      return
    }
    const groups = readStructured(nodes, inline, cleanHeading(heading))
    if (groups.length === 0) doc.uncarried.push(heading)
    for (const group of groups) doc.requirements.push({heading: group.heading, source: 'structured', items: group.items})
    return
  }
  doc.found[kind] ??= heading
  switch (kind) {
    case 'problem': {
      for (const {text, node} of leadParagraphs(nodes, inline)) {
        const success = successStatement(text)
        if (success) doc.success.push(paragraphItem(node, success))
        else doc.problem.push(text)
      }
      break
    }
    case 'solution':
      readSolution(nodes, inline, doc)
      break
    case 'requirements':
      for (const group of readStructured(nodes, inline, null)) {
        doc.requirements.push({heading: group.heading, source: 'requirements', items: group.items})
      }
      break
    case 'decisions':
      doc.decisions.push(...readDecisions(nodes, inline))
      break
    case 'constraints':
      doc.constraints.push(...labelledItems(nodes, inline))
      break
    case 'risks':
      doc.risks.push(...readTitled(nodes, inline))
      break
    case 'scope':
      readScope(headingKey(heading), nodes, inline, doc.scope)
      break
    case 'context':
      for (const {text, node} of leadParagraphs(nodes, inline)) {
        const success = successStatement(text)
        if (success) doc.success.push(paragraphItem(node, success))
        else doc.context.paragraphs.push(text)
      }
      doc.context.items.push(...labelledItems(nodes, inline, false))
      break
    case 'references': {
      const read = readReferences(nodes, inline)
      doc.references.push(...read.references)
      doc.otherSources.push(...read.other)
      break
    }
    case 'success':
      doc.success.push(...readCriteria(nodes, inline))
      break
    case 'questions':
      doc.questions.push(...readQuestions(nodes, inline))
      break
    case 'next':
      doc.uncarried.push(heading)
      break
  }
}

/** `Pricing (confirmed by Hayden, locked)` → `Pricing`; `Sitemap (7 routes; …)` → `Sitemap`. */
function cleanHeading(text: string): string {
  const key = text.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '').trim()
  const open = key.endsWith(')') ? key.lastIndexOf('(') : -1
  return (open > 0 ? key.slice(0, open) : key).replace(/[:：]$/, '').trim()
}

/** A paragraph stating what success is (`Success = …`, `**Success:** …`, `Done when …`). */
export function successStatement(text: string): string | null {
  const match =
    /^(?:\*\*|__)?(success(?: looks like| means| criteria)?|definition of done|done when)(?![\w-])(?:\*\*|__)?\s?(=|:|—|–|is\b|means\b)?(?:\*\*|__)?\s?/i.exec(
      text
    )
  if (!match) return null
  const phrase = (match[1] ?? '').toLowerCase()
  if (!match[2] && !/looks like|means|when/.test(phrase)) return null
  const rest = text.slice(match[0].length).trim()
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : null
}

/**
 * The section's prose paragraphs before its first sub-heading, skipping
 * labels that introduce a code block and turning a label followed by a list
 * into one sentence.
 */
function leadParagraphs(nodes: RootContent[], inline: Inline): Array<{text: string; node: RootContent}> {
  const out: Array<{text: string; node: RootContent}> = []
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'heading') break
    if (node.type !== 'paragraph') continue
    const text = inline(node)
    if (!isLabel(text)) {
      out.push({text, node})
      continue
    }
    const next = nodes[index + 1]
    if (next?.type === 'list') {
      const leads = next.children.map((item) => leadOf(item) ?? itemText(item, inline).replace(/[.:]$/, '')).filter(Boolean)
      if (leads.length > 0) out.push({text: `${text} ${leads.join(', ')}.`, node})
    }
  }
  return out
}

/** A label paragraph's content sentences and its closing label. */
function splitLabel(text: string): {content: string; label: string} {
  const at = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '))
  if (at === -1) return {content: '', label: text}
  return {content: text.slice(0, at + 1).trim(), label: text.slice(at + 2).trim()}
}

/** Solution overview: lead prose, its own list (requirements), and each sub-heading's content. */
function readSolution(nodes: RootContent[], inline: Inline, doc: Discovery): void {
  const firstHeading = nodes.findIndex((node) => node.type === 'heading')
  const lead = firstHeading === -1 ? nodes : nodes.slice(0, firstHeading)
  const items: DiscoveryItem[] = []
  for (const [index, node] of lead.entries()) {
    if (node.type === 'paragraph') {
      const text = inline(node)
      const success = successStatement(text)
      const split = isLabel(text) ? splitLabel(text) : {content: text, label: ''}
      if (success) doc.success.push(paragraphItem(node, success))
      else if (split.content) doc.solution.push(split.content)
      if (!success && split.label && lead[index + 1]?.type === 'list') {
        items.push(...(lead[index + 1] as List).children.map((item) => prefixed(toItem(item, inline), split.label)))
      }
    } else if (node.type === 'list' && !(lead[index - 1]?.type === 'paragraph' && isLabel(inline(lead[index - 1] as Nodes)))) {
      items.push(...node.children.map((item) => toItem(item, inline)))
    } else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      items.push(...rows.map((row) => rowItem(header, row)))
    }
  }
  if (items.length > 0) doc.requirements.push({heading: null, source: 'solution', items})
  if (firstHeading !== -1) {
    for (const group of readStructured(nodes.slice(firstHeading), inline, null)) {
      if (group.heading !== null && isNarrative(group.heading) && group.items.length === 0) continue
      doc.requirements.push({heading: group.heading, source: 'structured', items: group.items})
    }
  }
}

/** `**Preferences:**` + `- Use Opus` → `Preferences: Use Opus`; a label that only says "hard constraints" adds nothing. */
function prefixed(item: DiscoveryItem, label: string): DiscoveryItem {
  const words = labelWords(label)
  if (words === '' || /^(?:hard )?(?:constraints?|requirements?|in scope|scope|items?|notes?|details?)$/i.test(words)) return item
  return {...item, text: `${words}: ${item.text}`}
}

/** Items of lists (with the label paragraph before each list), table rows, and plain paragraphs when `paragraphs`. */
function labelledItems(nodes: RootContent[], inline: Inline, paragraphs = true): DiscoveryItem[] {
  const out: DiscoveryItem[] = []
  let label = ''
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const text = inline(node)
      const split = isLabel(text) ? splitLabel(text) : {content: text, label: ''}
      if (split.label) label = split.label
      if (split.content && paragraphs) out.push(paragraphItem(node, split.content))
    } else if (node.type === 'list') {
      out.push(...node.children.map((item) => prefixed(toItem(item, inline), label)))
      label = ''
    } else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      out.push(...rows.map((row) => rowItem(header, row)))
    } else if (node.type === 'heading') {
      label = toString(node)
    }
  }
  return out.filter((item) => item.text !== '')
}

/**
 * Structured content: one group per sub-heading (the section itself first).
 * List items, table rows, prose paragraphs and route-like code lines are
 * items; any other code block goes with the item or label before it.
 */
function readStructured(nodes: RootContent[], inline: Inline, heading: string | null): Array<{heading: string | null; items: DiscoveryItem[]}> {
  const groups: Array<{heading: string | null; items: DiscoveryItem[]}> = [{heading, items: []}]
  let label = ''
  let labelLine = 0
  for (const [index, node] of nodes.entries()) {
    const group = groups[groups.length - 1] as {heading: string | null; items: DiscoveryItem[]}
    if (node.type === 'heading') {
      groups.push({heading: cleanHeading(toString(node)), items: []})
      label = ''
    } else if (node.type === 'paragraph') {
      const text = inline(node)
      if (isLabel(text)) {
        // `The old flyer is STALE; ignore it. Current grid:`: the sentences before the label are content.
        const split = splitLabel(text)
        if (split.content) group.items.push(paragraphItem(node, split.content))
        label = split.label
        labelLine = node.position?.start.line ?? 0
      } else {
        group.items.push(paragraphItem(node, text))
      }
    } else if (node.type === 'list') {
      group.items.push(...node.children.map((item) => prefixed(toItem(item, inline), label)))
      label = ''
    } else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      group.items.push(...rows.map((row) => rowItem(header, row)))
    } else if (node.type === 'code') {
      const routes = routeLines(node)
      if (routes.length > 0) {
        group.items.push(...routes)
      } else if (node.lang !== null && node.lang !== undefined && node.lang !== '' && node.lang !== 'text') {
        // A schema or config block: carried with what introduces it.
        const title = labelWords(label) || group.heading || 'Code'
        const previous = nodes[index - 1]
        if (previous?.type !== 'list') {
          group.items.push({
            label: title,
            text: `${title}:`,
            line: labelLine || (node.position?.start.line ?? 0),
            id: null,
            children: [],
            code: {lang: node.lang, value: node.value}
          })
        }
      }
      label = ''
    }
  }
  return groups.filter((group) => group.items.length > 0)
}

const boxDrawing = /[│┌┐└┘├┤┬┴┼─═║▼▲►◄↓↑]/

/**
 * A code block that lists named entries, one a line with continuation
 * lines indented (a sitemap, a route list, a weekly timetable):
 * `Home         hook + hero CTA` or `MON  5–6 Juniors`. Diagrams are not.
 */
export function routeLines(code: Code): DiscoveryItem[] {
  if (boxDrawing.test(code.value)) return []
  const start = (code.position?.start.line ?? 0) + 1
  const out: DiscoveryItem[] = []
  const lines = code.value.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    if (/^\s/.test(line)) {
      const last = out[out.length - 1]
      if (!last) return []
      last.text = `${last.text} ${line.trim()}`
      continue
    }
    const gap = line.search(/ {2}|\t|: /)
    if (gap <= 0 || gap > 40) return []
    const name = line.slice(0, gap).trim()
    const rest = line.slice(gap).replace(/^:/, '').trim()
    if (rest === '' || !/\p{L}/u.test(name)) return []
    out.push({label: name, text: `**${name}** — ${rest}`, line: start + index, id: leadingId(name), children: [], code: null})
  }
  return out.length >= 2 ? out : []
}

function readDecisions(nodes: RootContent[], inline: Inline): Decision[] {
  const out: Decision[] = []
  let current: {title: string; id: string | null; paragraphs: string[]; line: number} | null = null
  const close = () => {
    if (!current) return
    const rationaleAt = current.paragraphs.findIndex((p) => /^(?:\*\*|__)?(?:rationale|why)\b/i.test(p))
    const rationale =
      rationaleAt === -1 ? null : (current.paragraphs[rationaleAt] ?? '').replace(/^(?:\*\*|__)?(?:rationale|why)(?:\*\*|__)?:?(?:\*\*|__)?\s?/i, '')
    const body = current.paragraphs.filter((_, index) => index !== rationaleAt).join(' ')
    out.push({id: current.id, title: current.title, body, rationale, line: current.line, text: null})
    current = null
  }
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'heading') {
      close()
      const raw = toString(node).replace(/\s+/g, ' ').trim()
      const id = leadingId(raw)
      const title = raw.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '').replace(/^[A-Z]{1,4}-?\d+(?:\.\d+)?[:.)]? ?[—–-]? ?/, (m) => (id ? '' : m))
      current = {title: title.trim(), id, paragraphs: [], line: node.position?.start.line ?? 0}
    } else if (current && node.type === 'paragraph') {
      current.paragraphs.push(inline(node))
    } else if (current && node.type === 'list') {
      current.paragraphs.push(node.children.map((item) => itemText(item, inline)).join('; '))
    } else if (current && node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      current.paragraphs.push(rows.map((row) => rowItem(header, row).text).join('; '))
    } else if (!current && node.type === 'list') {
      for (const item of node.children) {
        const read = toItem(item, inline)
        if (!read.text) continue
        const children = read.children.length > 0 ? ` (${read.children.join('; ')})` : ''
        out.push({id: read.id, title: leadOf(item) ?? '', body: read.text + children, rationale: null, line: read.line, text: read.text + children})
      }
    } else if (!current && node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      for (const row of rows) {
        const read = rowItem(header, row)
        out.push({id: read.id, title: read.label, body: read.rest, rationale: read.rationale, line: read.line, text: null})
      }
    } else if (!current && node.type === 'paragraph' && !isLabel(inline(node)) && nodes[index - 1]?.type !== 'heading') {
      // Prose between decisions (an introduction) is not a decision.
      continue
    }
  }
  close()
  return out
}

/** Risks and similar: list items and table rows, or `###` subsections (title + text). */
function readTitled(nodes: RootContent[], inline: Inline): DiscoveryItem[] {
  if (!nodes.some((node) => node.type === 'heading')) return labelledItems(nodes, inline)
  return readDecisions(nodes, inline).map((decision) => {
    const body = [decision.body, decision.rationale ? `Mitigation: ${decision.rationale}` : ''].filter(Boolean).join(' ')
    const text = decision.text ?? (decision.title ? `**${decision.title}.** ${body}`.trim() : body)
    return {label: decision.title || text, text, line: decision.line, id: decision.id, children: [], code: null}
  })
}

function readScope(heading: string, nodes: RootContent[], inline: Inline, scope: Discovery['scope']): void {
  const bucketOf = (label: string): keyof Discovery['scope'] | null => {
    const key = headingKey(labelWords(label))
    if (/\b(?:out of scope|out-of-scope|not in scope|non-goals?|excluded|won't|not doing)\b/.test(key)) return 'out'
    if (/\b(?:deferred|later|future|v2|not now|next version)\b/.test(key)) return 'deferred'
    if (/\b(?:in scope|in-scope|included|scope|mvp|now|must have)\b/.test(key)) return 'in'
    return null
  }
  let bucket = bucketOf(heading) ?? 'in'
  for (const node of nodes) {
    if (node.type === 'heading') {
      bucket = bucketOf(toString(node)) ?? bucket
    } else if (node.type === 'paragraph') {
      const text = inline(node)
      const next = isLabel(text) || text.length < 60 ? bucketOf(text) : null
      if (next) bucket = next
      else if (!isLabel(text)) scope[bucket].push(paragraphItem(node, text))
    } else if (node.type === 'list') {
      scope[bucket].push(...node.children.map((item) => toItem(item, inline)).filter((item) => item.text !== ''))
    } else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      scope[bucket].push(...rows.map((row) => rowItem(header, row)))
    }
  }
}

const checkMark = /^(?:[✓✔☑✅]|\[[ xX]\])\s?/

/**
 * Success criteria: list items, table rows, and `✓ …` lines whose following
 * list is folded into the criterion (`SKILL.md exists with: a, b`).
 */
function readCriteria(nodes: RootContent[], inline: Inline): DiscoveryItem[] {
  const out: DiscoveryItem[] = []
  const marked = (node: RootContent | undefined) => node?.type === 'paragraph' && checkMark.test(inline(node))
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'paragraph') {
      const text = inline(node)
      if (!marked(node)) {
        // `A skill is complete when:` introduces the criteria; other prose is one.
        if (!isLabel(text)) out.push(paragraphItem(node, successStatement(text) ?? text))
        continue
      }
      const claims: string[] = []
      for (const line of inline(node, true).split('\n')) {
        if (checkMark.test(line) || claims.length === 0) claims.push(line.replace(checkMark, '').trim())
        else claims[claims.length - 1] += ` ${line}`
      }
      const next = nodes[index + 1]
      const last = claims.length - 1
      if (next?.type === 'list' && isLabel(claims[last] ?? '')) {
        claims[last] = `${claims[last]} ${next.children.map((item) => itemText(item, inline)).join(', ')}`
      }
      const line = node.position?.start.line ?? 0
      out.push(
        ...claims
          .filter(Boolean)
          .map((claim) => paragraphItem(node, claim))
          .map((item, i) => ({...item, line: line + i}))
      )
    } else if (node.type === 'list') {
      const previous = nodes[index - 1]
      if (marked(previous) && previous && isLabel(inline(previous))) continue
      out.push(
        ...node.children
          .map((item) => toItem(item, inline))
          .map((item) => ({...item, text: item.text.replace(checkMark, '')}))
          .filter((item) => item.text !== '')
      )
    } else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      out.push(...rows.map((row) => rowItem(header, row)))
    }
  }
  return out
}

const resolvedMarker = /\b(?:RESOLVED|ANSWERED|DECIDED|CONFIRMED|CLOSED)\b|^\W{0,4}(?:resolved|answered|decided|closed)\s?[:—–-]/

function readQuestions(nodes: RootContent[], inline: Inline): DiscoveryQuestion[] {
  const out: DiscoveryQuestion[] = []
  const walk = (items: ListItem[]) => {
    for (const item of items) {
      const read = toItem(item, inline)
      if (read.text === '') continue
      const resolved = item.checked === true || isStruck(item) || resolvedMarker.test(read.text)
      out.push({...read, resolved})
    }
  }
  for (const node of nodes) {
    if (node.type === 'list') walk(node.children)
    else if (node.type === 'table') {
      const {header, rows} = tableCells(node, inline)
      for (const row of rows) {
        const read = rowItem(header, row)
        out.push({...read, resolved: resolvedMarker.test(read.text)})
      }
    }
  }
  // `### Q1. Media hosting` subsections, each with its text.
  if (nodes.some((node) => node.type === 'heading')) {
    for (const item of readTitled(
      nodes.filter((node) => node.type !== 'list' && node.type !== 'table'),
      inline
    )) {
      // A sub-heading that only groups a list (`### Technical`) is not a question.
      if (item.text.replace(/[*.\s]/g, '') === item.label.replace(/[*.\s]/g, '')) continue
      out.push({...item, resolved: resolvedMarker.test(item.text)})
    }
  }
  return out
}

/** All prose text (headings, paragraphs, list items, tables), no code blocks. */
function proseOf(tree: Root): string {
  const parts: string[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'html') return
    if (node.type === 'text' || node.type === 'inlineCode') {
      parts.push(node.value)
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') parts.push('\n')
  }
  walk(tree)
  return parts.join(' ')
}

export type {Heading}
