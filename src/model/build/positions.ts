import type {Nodes, Root, RootContent} from 'mdast'
import type {CodeBlock, CompletionPromise, Position, Section, SpecModel} from '../schema.js'
import {pos, range, startOf, endOf} from './context.js'
import type {Ctx} from './context.js'

/* The deep pass: promises, code blocks and control comments wherever they stand. */

type SectionAt = (offset: number) => Section | null

/** Promises, code blocks and control comments, wherever they stand in the tree. */
export function collectDeep(ctx: Ctx, tree: Root, model: SpecModel, sections: Array<{section: Section}>): void {
  const sectionAt = sectionFinder(sections)
  const codeBlocks: CodeBlock[] = []
  const promises: CompletionPromise[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    if (!visitDeep(ctx, node, sectionAt, model, codeBlocks, promises) && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
    }
  }
  const bySource = (a: {position: Position}, b: {position: Position}) => a.position.start.offset - b.position.start.offset
  promises.sort(bySource)
  codeBlocks.sort(bySource)
  model.controlComments.sort(bySource)
  if (promises.length === 0) {
    const bare = barePromise(ctx, tree, sections)
    if (bare) promises.push(bare)
  }
  model.promises = promises
  model.promise = promises[0] ?? null
  model.codeBlocks = codeBlocks
}

/** The section an offset is in; sections are in source order, so a binary search (files with thousands of them). */
function sectionFinder(sections: Array<{section: Section}>): SectionAt {
  return (offset) => {
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
}

/** Record what a node is; true when its children need no visit. */
function visitDeep(ctx: Ctx, node: Nodes, sectionAt: SectionAt, model: SpecModel, codeBlocks: CodeBlock[], promises: CompletionPromise[]): boolean {
  if (node.type === 'code') {
    const section = sectionAt(startOf(node))
    codeBlocks.push({
      lang: node.lang ?? null,
      lines: node.value === '' ? 0 : node.value.split('\n').length,
      section: section ? (section.canonical ?? section.title) : null,
      position: pos(ctx, node)
    })
    return true
  }
  if (node.type === 'html') {
    if (/^<!--\s*spec-lint\b/.test(node.value)) model.controlComments.push({value: node.value, position: pos(ctx, node)})
    if (/<promise>/i.test(node.value) && /<\/promise>/i.test(node.value)) findPromises(ctx, startOf(node), node.value, sectionAt, promises)
    return true
  }
  if (node.type === 'paragraph' && node.children.some((c) => c.type === 'html' && /^<promise>$/i.test(c.value))) {
    const start = startOf(node)
    findPromises(ctx, start, ctx.source.slice(start, endOf(node)), sectionAt, promises)
    return true
  }
  return false
}

/** A backticked bare value in the Completion Promise section, when no tag is written. */
function barePromise(ctx: Ctx, tree: Root, sections: Array<{section: Section}>): CompletionPromise | null {
  const section = sections.find((s) => s.section.canonical === 'Completion Promise')
  const body = section ? sectionBodyNodes(tree, section.section) : []
  for (const node of body) {
    const stack: Nodes[] = [node]
    while (stack.length > 0) {
      const next = stack.pop() as Nodes
      if (next.type === 'inlineCode' && /^[A-Za-z0-9_]+$/.test(next.value.trim())) {
        const p = pos(ctx, next)
        return {
          value: next.value.trim(),
          raw: ctx.source.slice(p.start.offset, p.end.offset),
          form: 'code',
          position: p,
          valuePosition: range(ctx, p.start.offset + 1, p.end.offset - 1),
          section: 'Completion Promise'
        }
      }
      if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes)
    }
  }
  return null
}

export function sectionBodyNodes(tree: Root, section: Section): RootContent[] {
  return tree.children.filter((n) => startOf(n) > section.headingPosition.end.offset && endOf(n) <= section.position.end.offset)
}

export function findPromises(ctx: Ctx, base: number, text: string, sectionAt: SectionAt, out: CompletionPromise[]): void {
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
