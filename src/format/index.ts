import type {List, ListItem, Nodes, Root, RootContent, Table} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import type {Handle, Info, Join, Options, State} from 'mdast-util-to-markdown'
import stringWidth from 'string-width'
import type {Processor} from 'unified'
import {parseMarkdown, refusalOf} from '../parse/index.js'
import type {InputLimits} from '../parse/index.js'
import {findMeta, orderList, orderTable} from './meta-order.js'
import {hasSource, printPhrasing, relayout} from './phrasing.js'
import type {Container} from './phrasing.js'
import {reshape, shapeOf, withoutBom} from './text.js'

export {metaOrder} from './meta-order.js'

/** The canonical form's remark-stringify settings. */
export const canonicalOptions = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  ruleRepetition: 3,
  ruleSpaces: false,
  setext: false,
  closeAtx: false,
  listItemIndent: 'one',
  incrementListMarker: true,
  quote: '"'
} as const satisfies Options

/** mdast-util-gfm-table settings: aligned, padded tables measured by display width (CJK, emoji). */
export const tableOptions = {tableCellPadding: true, tablePipeAlign: true, stringLength: stringWidth}

const gfm = gfmToMarkdown(tableOptions)

/**
 * A paragraph directly followed by its list (`Load these skills:` and the
 * skills) stays that way; remark-stringify would put a blank line between.
 * Not when the list could not interrupt the paragraph: an ordered list not
 * starting at 1 or an empty first item would read back as text.
 */
const keepTight: Join = (left, right) => {
  if (left.type !== 'paragraph' || !adjacent(left, right)) return undefined
  // A thematic break right under a paragraph (in a tight list item) is printed `***`, see below.
  if (right.type === 'thematicBreak') return 0
  if (right.type !== 'list') return undefined
  if (right.ordered && typeof right.start === 'number' && right.start !== 1) return undefined
  if (right.children[0]?.children.length === 0) return undefined
  return 0
}

function adjacent(left: Nodes, right: Nodes): boolean {
  const end = left.position?.end.line
  return end !== undefined && right.position?.start.line === end + 1
}

/** `# Title #` loses its closing hashes: a heading that ends in `#` (once setext) escapes the last run. */
function escapeClosingSequence(value: string): string {
  return value.replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3')
}

/** Front matter is not parsed (no remark-frontmatter), so it is kept as written. */
function frontMatterEnd(source: string): number | undefined {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(source)
  if (!open) return undefined
  const close = /(?:^|\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g
  close.lastIndex = open[0].length - 1
  const match = close.exec(source)
  if (!match) return undefined
  const body = source.slice(open[0].length, match.index)
  if (/(?:^|\n)#{1,6}[ \t]/.test(body)) return undefined
  return match.index + match[0].replace(/(?:\r\n|\r|\n)$/, '').length
}

/**
 * Print a parsed spec in the canonical form. `text` is the document the tree
 * was parsed from (with or without a BOM); inline content is taken from it.
 * The tree is not changed.
 */
export function formatTree(tree: Root, text: string): string {
  const shape = shapeOf(text)
  const source = withoutBom(text)
  const meta = findMeta(tree)
  const containers: Container[] = []

  const root: Handle = (node: Root, _parent, state: State, info: Info) => {
    wrapHandlers(state)
    let children = node.children
    let head = ''
    const fence = frontMatterEnd(source)
    if (fence !== undefined) {
      let end = fence
      const rest: RootContent[] = []
      for (const child of children) {
        const start = child.position?.start.offset
        if (typeof start === 'number' && start < fence) end = Math.max(end, child.position?.end.offset ?? end)
        else rest.push(child)
      }
      head = source.slice(0, end).trimEnd()
      children = rest
    }
    const body = state.containerFlow({type: 'root', children}, info)
    return head && body ? head + '\n\n' + body : head + body
  }

  function wrapHandlers(state: State): void {
    const handlers = state.handlers
    const phrasing = state.containerPhrasing
    state.containerPhrasing = function (parent, info) {
      if (!hasSource(parent)) return phrasing.call(state, parent, info)
      const value = relayout(printPhrasing(parent, source), containers, state.stack.at(-2) === 'paragraph')
      return state.stack.includes('headingAtx') ? escapeClosingSequence(value) : value
    }
    const {blockquote, definition, listItem, list, table, thematicBreak} = handlers
    // `---` under a paragraph would make it a heading; `***` keeps the break where it was.
    handlers.thematicBreak = (node, parent, state, info) => {
      const previous = parent && 'children' in parent ? parent.children[parent.children.indexOf(node as never) - 1] : undefined
      return previous?.type === 'paragraph' && adjacent(previous, node) ? '***' : thematicBreak(node, parent, state, info)
    }
    handlers.blockquote = (node, parent, state, info) => {
      containers.push({kind: 'quote'})
      try {
        return blockquote(node, parent, state, info)
      } finally {
        containers.pop()
      }
    }
    handlers.listItem = (node: ListItem, parent, state, info) => {
      const first = node.children[0]?.position?.start.column
      const column = node.position?.start.column
      containers.push({kind: 'indent', width: first && column && first > column ? first - column : 2})
      try {
        return listItem(node, parent, state, info)
      } finally {
        containers.pop()
      }
    }
    handlers.table = (node: Table, parent, state, info) => table(node === meta ? orderTable(node) : node, parent, state, info)
    handlers.list = (node: List, parent, state, info) => list(node === meta ? orderList(node) : node, parent, state, info)
    handlers.definition = (node, parent, state, info) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (typeof start !== 'number' || typeof end !== 'number') return definition(node, parent, state, info)
      return relayout(source.slice(start, end), containers)
    }
  }

  const out = toMarkdown(tree, {
    ...canonicalOptions,
    extensions: [gfm],
    handlers: {root},
    join: [keepTight]
  })
  return reshape(out, shape)
}

/**
 * Parse a spec through the input limits, print it in the canonical form.
 * A refused document throws (with its place) rather than print an empty one.
 */
export function formatSpec(text: string, limits: InputLimits = {}): string {
  const {file, tree, refused} = parseMarkdown(text, {limits})
  if (refused) throw new Error(`Not formatted: ${refusalOf(file) ?? 'input refused'}`)
  return formatTree(tree, text)
}

/**
 * Unified plugin: compile with the canonical printer (use it instead of
 * remark-stringify, after remark-parse and remark-gfm). A BOM that
 * `stripBom` took off before parsing is put back.
 */
export default function specFormat(this: Processor): undefined {
  this.compiler = (tree, file) => formatTree(tree as Root, (file.data.bom ? '\ufeff' : '') + String(file.value ?? ''))
}
