import type {Nodes, Parents, PhrasingContent} from 'mdast'
import {htmlBlockNames, htmlRawNames} from 'micromark-util-html-tag-name'

/*
 * Inline content is printed from the source as the author wrote it, never
 * from node values: remark-stringify escapes every character that could mean
 * something somewhere (`~20`, `Q&A`, `[ABC-124]`), and a spec formatter that
 * adds backslashes nobody typed will not be adopted. Only three things are
 * re-laid out: container prefixes on continuation lines (indentation, `>`),
 * trailing spaces before a soft line break, and hard breaks (to a backslash).
 */

type Positioned = {position?: {start: {offset?: number}; end: {offset?: number}} | undefined}

function offsets(node: Positioned): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return typeof start === 'number' && typeof end === 'number' && end >= start ? [start, end] : undefined
}

/** Whether every child of `parent` has source offsets, so it can be printed from the source. */
export function hasSource(parent: Parents): boolean {
  return 'children' in parent && parent.children.every((child) => offsets(child) !== undefined)
}

/** Trailing spaces before a line ending mean nothing in text, unless they end an escape (`\ `). */
function trimLineEnds(value: string): string {
  if (!/[ \t]\r?\n|[ \t]\r/.test(value)) return value
  return value.replace(/([ \t]+)(\r?\n|\r)/g, (all, _space: string, eol: string, at: number) => {
    let slashes = 0
    while (value.charCodeAt(at - 1 - slashes) === 92 /* \ */) slashes++
    return slashes % 2 === 1 ? all : eol
  })
}

/** Inline children printed from the source, with gaps between them kept. */
export function printPhrasing(parent: Parents, source: string): string {
  const children = parent.children as Nodes[]
  const first = children[0]
  if (!first) return ''
  let cursor = (offsets(first) as [number, number])[0]
  let out = ''
  let previous: Nodes | undefined
  for (const child of children) {
    const [start, end] = offsets(child) as [number, number]
    out += trimLineEnds(source.slice(cursor, start))
    // A backslash after a literal autolink (`https://…`, `www.…`) would become part of its URL.
    const afterAutolink = child.type === 'break' && previous !== undefined && literalLink(previous, source)
    out += afterAutolink ? '  \n' : printInline(child as PhrasingContent, source, start, end)
    cursor = end
    previous = child
  }
  return out
}

function literalLink(node: Nodes, source: string): boolean {
  const at = offsets(node)
  return node.type === 'link' && at !== undefined && !/^[[<]/.test(source.charAt(at[0]))
}

function printInline(node: PhrasingContent, source: string, start: number, end: number): string {
  switch (node.type) {
    case 'text':
      return trimLineEnds(source.slice(start, end))
    case 'break':
      return '\\\n'
    case 'emphasis':
    case 'strong': {
      // Markers as written: the model keeps raw text (a chunk's note, Meta
      // values), so `_done_` → `*done*` would change what rules read.
      const first = node.children[0]
      const last = node.children[node.children.length - 1]
      if (!first || !last || !hasSource(node)) return source.slice(start, end)
      const open = (offsets(first) as [number, number])[0]
      const close = (offsets(last) as [number, number])[1]
      return source.slice(start, open) + printPhrasing(node, source) + source.slice(close, end)
    }
    default:
      // Code, HTML, links, images, references, strikethrough: as written.
      return source.slice(start, end)
  }
}

const blockNames = new Set([...htmlBlockNames, ...htmlRawNames])

/**
 * Whether a paragraph continuation line would start a block if it were not
 * indented: then it keeps four spaces of indentation (a continuation line
 * indented that far is always paragraph text).
 */
export function startsBlock(line: string): boolean {
  const first = line.charAt(0)
  switch (first) {
    case '>':
      return true
    case '#':
      return /^#{1,6}(?:[ \t]|$)/.test(line)
    case '=':
      return /^=+[ \t]*$/.test(line)
    case '-':
    case '+':
    case '*':
    case '_':
      return (
        (first !== '_' && /^[-+*](?:[ \t]|$)/.test(line)) ||
        /^(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$/.test(line) ||
        /^-+[ \t]*$/.test(line) ||
        delimiterRow.test(line)
      )
    case '`':
    case '~':
      return /^(?:`{3,}|~{3,})/.test(line)
    case '<': {
      if (/^<(?:!--|\?|![A-Za-z]|!\[CDATA\[)/.test(line)) return true
      const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(line)?.[1]
      return name !== undefined && blockNames.has(name.toLowerCase())
    }
    case '|':
    case ':':
      return delimiterRow.test(line)
    default:
      return /^\d{1,9}[.)](?:[ \t]|$)/.test(line)
  }
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** A container whose prefix continuation lines carry: `>` of a block quote, or list item indentation. */
export type Container = {kind: 'quote'} | {kind: 'indent'; width: number}

function stripContainers(line: string, containers: readonly Container[]): string {
  let rest = line
  for (const container of containers) {
    if (container.kind === 'quote') {
      // Missing on a lazy line; four spaces before `>` make it text, not a marker.
      rest = rest.replace(/^ {0,3}>[ \t]?/, '')
    } else {
      let column = 0
      let index = 0
      while (index < rest.length && column < container.width) {
        const code = rest.charCodeAt(index)
        if (code === 32) column++
        else if (code === 9) column += 4 - (column % 4)
        else break
        index++
      }
      rest = rest.slice(index)
    }
  }
  return rest
}

/**
 * Take the container prefixes (`>`, indentation) off the continuation lines
 * of inline content, so the printer can put its own. A line that would then
 * start a block keeps four spaces of indentation.
 */
export function relayout(value: string, containers: readonly Container[], paragraph = false): string {
  const lines = value.split(/\r\n|\r|\n/)
  const head = lines[0] as string
  // Text the parser took for a paragraph although it reads as a block start
  // (micromark does so after indented code, which the printer fences): escaped.
  if (paragraph && startsBlock(head) && !/^(?:=+|--)[ \t]*$/.test(head)) {
    lines[0] = head.replace(/^(\d{1,9})(?=[.)])|^/, '$1\\')
  }
  if (lines.length === 1) return lines[0] as string
  const quoted = containers.some((c) => c.kind === 'quote')
  for (let i = 1; i < lines.length; i++) {
    let line = lines[i] as string
    if (quoted) line = stripContainers(line, containers)
    line = line.replace(/^[ \t]+/, '')
    lines[i] = startsBlock(line) ? '    ' + line : line
  }
  return lines.join('\n')
}
