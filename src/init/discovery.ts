import type {Heading, List, ListItem, Nodes, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {parseMarkdown} from '../parse/index.js'

/** A key decision: a short title (bold lead or heading) and its full text. */
export interface Decision {
  title: string
  text: string
}

export type DiscoverySection =
  | 'problem'
  | 'solution'
  | 'decisions'
  | 'constraints'
  | 'scope'
  | 'context'
  | 'references'
  | 'success'
  | 'questions'
  | 'next'

/**
 * What a spec-builder needs from a discovery document (discovery.SKILL.md,
 * "Output: Discovery Document"). Texts are Markdown inline source on one line.
 */
export interface DiscoveryDoc {
  title: string | null
  /** Bold header lines before the first section (`**Created:** 2026-02-19`). */
  headers: Record<string, string>
  problem: string[]
  solution: {paragraphs: string[]; items: string[]}
  decisions: Decision[]
  constraints: string[]
  scope: {in: string[]; out: string[]; deferred: string[]}
  context: {paragraphs: string[]; items: string[]}
  /** Reference entries that name a path in backticks, as written. */
  referenceFiles: string[]
  successCriteria: string[]
  openQuestions: string[]
  /** Which known sections were found (by their heading, as written). */
  found: Partial<Record<DiscoverySection, string>>
  /** H2 headings that are not discovery sections, as written. */
  extraSections: string[]
  /** Every prose text of the document (no code), for work-type signals. */
  prose: string
}

const sectionPatterns: Array<[DiscoverySection, RegExp]> = [
  ['questions', /\bquestions?\b/],
  ['success', /\b(?:success|acceptance|definition of done|done when)\b/],
  ['references', /\b(?:reference files?|references|files consulted)\b/],
  ['decisions', /\bdecisions?\b/],
  ['constraints', /\bconstraints?\b/],
  ['problem', /\b(?:problem|background|motivation)\b/],
  ['solution', /\b(?:solution|approach|proposal)\b/],
  ['scope', /^(?:scope|in scope|out of scope|non-goals|deferred)$/],
  ['context', /\bcontext\b/],
  ['next', /\bnext steps?\b/]
]

/** Heading text without numbering, a parenthesised remark or a trailing colon. */
export function headingKey(text: string): string {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

export function classifyHeading(text: string): DiscoverySection | null {
  const key = headingKey(text)
  for (const [name, pattern] of sectionPatterns) if (pattern.test(key)) return name
  return null
}

/** The title without `Discovery:` before it or `- Discovery Document` after it. */
export function discoveryTitle(text: string): string {
  return text
    .replace(/^\s*discovery(?:\s+document)?\s*[:—–-]\s*/i, '')
    .replace(/\s*[—–:-]?\s*\(?discovery(?:\s+(?:document|doc|notes))?\)?\s*$/i, '')
    .trim()
}

export function readDiscovery(input: string): DiscoveryDoc {
  // Through the input limits: a refused document reads as an empty one.
  // Offsets count in the text as parsed (a byte order mark taken off).
  const {tree, file} = parseMarkdown(input)
  const source = String(file.value)
  const inline: Inline = (node, keepLines) => inlineSource(source, node, keepLines)
  const doc: DiscoveryDoc = {...emptyDoc(), prose: proseOf(tree)}

  // Split the body into H2 sections; what precedes the first H2 is the header.
  const header: RootContent[] = []
  const sections: Array<{heading: Heading; nodes: RootContent[]}> = []
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && doc.title === null && sections.length === 0) {
      doc.title = discoveryTitle(toString(node).replace(/\s+/g, ' ').trim()) || null
    } else if (node.type === 'heading' && node.depth <= 2 && (node.depth === 2 || doc.title !== null)) {
      sections.push({heading: node, nodes: []})
    } else if (sections.length > 0) {
      sections[sections.length - 1]?.nodes.push(node)
    } else {
      header.push(node)
    }
  }

  for (const node of header) {
    if (node.type !== 'paragraph') continue
    for (const line of inline(node).split(/\s*\n\s*|(?<=\S)\s+(?=\*\*[^*]+:\*\*)/)) {
      const match = /^\*\*([^*:]+):\*\*\s*(.*)$/.exec(line.trim())
      if (match?.[1]) doc.headers[match[1].trim()] = match[2]?.trim() ?? ''
    }
  }

  for (const {heading, nodes} of sections) {
    const text = toString(heading).trim()
    const kind = classifyHeading(text)
    if (!kind) {
      doc.extraSections.push(text)
      continue
    }
    doc.found[kind] ??= text
    switch (kind) {
      case 'problem':
        doc.problem.push(...leadParagraphs(nodes, inline))
        break
      case 'solution':
        doc.solution.paragraphs.push(...leadParagraphs(nodes, inline))
        doc.solution.items.push(...topItems(nodes).map((item) => itemText(item, inline)))
        break
      case 'decisions':
        doc.decisions.push(...readDecisions(nodes, inline))
        break
      case 'constraints':
        doc.constraints.push(...topItems(nodes).map((item) => itemText(item, inline)))
        break
      case 'scope':
        readScope(headingKey(text), nodes, inline, doc.scope)
        break
      case 'context':
        doc.context.paragraphs.push(...leadParagraphs(nodes, inline))
        doc.context.items.push(...topItems(nodes).map((item) => itemText(item, inline)))
        break
      case 'references':
        for (const item of allItems(nodes)) {
          const entry = itemText(item, inline)
          if (/`[^`]+`/.test(entry)) doc.referenceFiles.push(entry)
        }
        break
      case 'success':
        doc.successCriteria.push(...readCriteria(nodes, inline))
        break
      case 'questions':
        doc.openQuestions.push(...topItems(nodes).map((item) => itemText(item, inline)))
        break
      case 'next':
        break
    }
  }
  return doc
}

/** Whether anything a spec is built from was found. */
export function hasContent(doc: DiscoveryDoc): boolean {
  return Object.keys(doc.found).some((kind) => kind !== 'next')
}

/** A node's inline Markdown as written, on one line (or trimmed lines with `keepLines`). */
function inlineSource(source: string, node: Nodes, keepLines = false): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const raw = start === undefined || end === undefined ? toString(node) : source.slice(start, end)
  return raw.replace(/[ \t\r]*\n\s*/g, keepLines ? '\n' : ' ').replace(/\s+$/, '').trim()
}

type Inline = (node: Nodes, keepLines?: boolean) => string

/**
 * The section's prose paragraphs in order, skipping labels that introduce a
 * code block and turning a label followed by a list into one sentence (the
 * spec's Overview counts lists as paragraphs).
 */
function leadParagraphs(nodes: RootContent[], inline: Inline): string[] {
  const out: string[] = []
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'heading') break
    if (node.type !== 'paragraph') continue
    const text = inline(node)
    if (!isLabel(text)) {
      out.push(text)
      continue
    }
    const next = nodes[index + 1]
    if (next?.type === 'list') {
      const leads = next.children.map((item) => leadOf(item, inline)).filter(Boolean)
      if (leads.length > 0) out.push(`${text} ${leads.join(', ')}.`)
    }
  }
  return out
}

/** A paragraph that introduces what follows (`Process:`, `**Process:**`). */
export function isLabel(text: string): boolean {
  return /:\s*(?:\*\*|__|\*|_)?$/.test(text)
}

/** An item's bold lead (`**Repetitive** - …` → `Repetitive`) or its text. */
function leadOf(item: ListItem, inline: Inline): string {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return ''
  const lead = first.children[0]
  if (lead?.type === 'strong') return toString(lead).replace(/[.:]\s*$/, '').trim()
  return inline(first).replace(/[.:]\s*$/, '')
}

/** Items of the lists directly in a section (not in its code or nested lists). */
function topItems(nodes: RootContent[]): ListItem[] {
  return nodes.filter((node): node is List => node.type === 'list').flatMap((list) => list.children)
}

/** Every item of every list in a section, nested ones included. */
function allItems(nodes: RootContent[]): ListItem[] {
  const out: ListItem[] = []
  const walk = (list: List) => {
    for (const item of list.children) {
      out.push(item)
      for (const child of item.children) if (child.type === 'list') walk(child)
    }
  }
  for (const node of nodes) if (node.type === 'list') walk(node)
  return out
}

/** An item's paragraphs on one line (nested lists and code left out). */
function itemText(item: ListItem, inline: Inline): string {
  return item.children
    .filter((child): child is Paragraph => child.type === 'paragraph')
    .map((child) => inline(child))
    .join(' ')
}

function readDecisions(nodes: RootContent[], inline: Inline): Decision[] {
  const out: Decision[] = []
  // `### 1. Documentation Discovery Strategy` subsections with a Rationale line.
  let current: {title: string; paragraphs: string[]} | null = null
  const close = () => {
    if (!current) return
    const rationale = current.paragraphs.find((p) => /^\*\*Rationale:?\*\*:?/i.test(p))
    const text = (rationale ?? current.paragraphs[0] ?? '').replace(/^\*\*Rationale:?\*\*:?\s*/i, '')
    out.push({title: current.title, text})
    current = null
  }
  for (const node of nodes) {
    if (node.type === 'heading') {
      close()
      current = {title: toString(node).replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '').trim(), paragraphs: []}
    } else if (current && node.type === 'paragraph') {
      current.paragraphs.push(inline(node))
    } else if (!current && node.type === 'list') {
      for (const item of node.children) {
        const text = itemText(item, inline)
        if (text) out.push({title: leadOf(item, inline), text})
      }
    }
  }
  close()
  return out
}

function readScope(heading: string, nodes: RootContent[], inline: Inline, scope: DiscoveryDoc['scope']): void {
  const bucketOf = (label: string): keyof DiscoveryDoc['scope'] | null => {
    const key = headingKey(label.replace(/\*\*/g, ''))
    if (/\b(?:out of scope|not in scope|non-goals?|excluded|won't)\b/.test(key)) return 'out'
    if (/\b(?:deferred|later|future|v2)\b/.test(key)) return 'deferred'
    if (/\b(?:in scope|in-scope|included|scope)\b/.test(key)) return 'in'
    return null
  }
  let bucket = bucketOf(heading) ?? 'in'
  for (const node of nodes) {
    if (node.type === 'heading' || (node.type === 'paragraph' && inline(node).length < 60)) {
      bucket = bucketOf(toString(node)) ?? bucket
    } else if (node.type === 'list') {
      scope[bucket].push(...node.children.map((item) => itemText(item, inline)).filter(Boolean))
    }
  }
}

/**
 * Success criteria: list items, and `✓ …` lines whose following list is
 * folded into the criterion (`SKILL.md exists with: a, b`).
 */
function readCriteria(nodes: RootContent[], inline: Inline): string[] {
  const out: string[] = []
  const mark = /^(?:[✓✔☑✅]|\[[ xX]\])\s*/
  const marked = (node: RootContent | undefined) => node?.type === 'paragraph' && mark.test(inline(node))
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'paragraph') {
      if (!marked(node)) continue
      // Consecutive `✓` lines form one paragraph: each marked line starts a criterion.
      const claims: string[] = []
      for (const line of inline(node, true).split('\n')) {
        if (mark.test(line) || claims.length === 0) claims.push(line.replace(mark, ''))
        else claims[claims.length - 1] += ` ${line}`
      }
      const next = nodes[index + 1]
      const last = claims.length - 1
      if (next?.type === 'list' && isLabel(claims[last] ?? '')) {
        claims[last] = `${claims[last]} ${next.children.map((item) => itemText(item, inline)).join(', ')}`
      }
      out.push(...claims.filter(Boolean))
    } else if (node.type === 'list') {
      const previous = nodes[index - 1]
      if (marked(previous) && previous && isLabel(inline(previous))) continue
      out.push(...node.children.map((item) => itemText(item, inline).replace(mark, '')).filter(Boolean))
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
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') parts.push('\n')
  }
  walk(tree)
  return parts.join(' ')
}

/** A discovery document with nothing in it (the blank template's input). */
export function emptyDoc(): DiscoveryDoc {
  return {
    title: null,
    headers: {},
    problem: [],
    solution: {paragraphs: [], items: []},
    decisions: [],
    constraints: [],
    scope: {in: [], out: [], deferred: []},
    context: {paragraphs: [], items: []},
    referenceFiles: [],
    successCriteria: [],
    openQuestions: [],
    found: {},
    extraSections: [],
    prose: ''
  }
}
