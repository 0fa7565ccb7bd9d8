import type {Nodes, Root, RootContent} from 'mdast'
import type {CodeBlock, CompletionPromise, Section, SpecModel} from '../schema.js'
import {pos, range, startOf, endOf, lines} from './context.js'
import type {Ctx} from './context.js'

/* The deep pass: promises, code blocks and control comments wherever they stand. */
/* ------------------------------------------------------------- deep pass */

export function collectDeep(ctx: Ctx, tree: Root, model: SpecModel, sections: Array<{section: Section}>): void {
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

export function sectionBodyNodes(tree: Root, section: Section): RootContent[] {
  return tree.children.filter((n) => startOf(n) > section.headingPosition.end.offset && endOf(n) <= section.position.end.offset)
}

export function findPromises(ctx: Ctx, base: number, text: string, sectionAt: (offset: number) => Section | null, out: CompletionPromise[]): void {
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
