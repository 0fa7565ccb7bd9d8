import type {ListItem, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isLabel, itemText, toItem} from './inline.js'
import type {Inline} from './inline.js'
import type {DiscoveryItem, DiscoveryReference} from './types.js'

// An inner slash (`lib/email`), a trailing one (`public/`) or an extension; not `/slash-command`.
const pathLike = /[^\s/]\/[^\s/]|[^\s]\/$|^[^\s]+\.[A-Za-z0-9]{1,8}$/

/** Whether inline code names a file or folder rather than a command or symbol. */
export function isPathLike(value: string): boolean {
  const v = value.trim()
  if (v === '' || /^[-$]/.test(v) || /\s--?\w/.test(v) || /[(){}=<>]/.test(v)) return false
  return pathLike.test(v)
}

function codesOf(nodes: readonly PhrasingContent[] | readonly RootContent[], out: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'inlineCode') out.push(node.value)
    else if ('children' in node) codesOf(node.children, out)
  }
  return out
}

/** The paths an entry names: its backticked paths, else a bare path that starts it (`- repo-x/`). */
function pathsOf(item: ListItem): string[] {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return []
  const codes = codesOf(first.children)
    .filter(isPathLike)
    .map((code) => code.trim())
  if (codes.length > 0) return codes
  const bare = toString(first).trim().split(/\s/)[0] ?? ''
  return isPathLike(bare) && /[/.]/.test(bare) && !/^https?:/.test(bare) ? [bare.replace(/[,;:]$/, '')] : []
}

/** `a/` + `b.md` → `a/b.md`; an absolute or home-relative child stands alone. */
function joinPath(parent: string, child: string): string {
  if (parent === '' || /^(?:\/|~|[A-Za-z]:[\\/])/.test(child) || child.startsWith('../')) return child
  return `${parent.replace(/\/+$/, '')}/${child.replace(/^\.\//, '')}`
}

/** What the entry says about the file: the text after its dash, if any. */
function descriptionOf(text: string): string {
  for (const dash of [' — ', ' – ', ' - ']) {
    const at = text.indexOf(dash)
    if (at !== -1) return text.slice(at + dash.length).trim()
  }
  return ''
}

/**
 * Reference Files entries, nested folders joined into full paths
 * (`- repo-x/` with `- vision.md` under it is `repo-x/vision.md`).
 * Entries that name no file are kept apart as other sources.
 */
export function readReferences(nodes: RootContent[], inline: Inline): {references: DiscoveryReference[]; other: DiscoveryItem[]} {
  const references: DiscoveryReference[] = []
  const other: DiscoveryItem[] = []
  const walk = (items: ListItem[], parent: string) => {
    for (const item of items) {
      const paths = pathsOf(item)
      const text = itemText(item, inline)
      const line = item.position?.start.line ?? 0
      const description = descriptionOf(text)
      for (const found of paths) references.push({path: joinPath(parent, found), description, line})
      const nested = item.children.some((child) => child.type === 'list')
      if (paths.length === 0 && text !== '' && !isLabel(text) && !nested) other.push({...toItem(item, inline), children: []})
      // A folder entry nests its files; with several paths the first is the parent.
      const folder = paths.length === 1 && (paths[0] ?? '').endsWith('/') ? joinPath(parent, paths[0] ?? '') : parent
      for (const child of item.children) if (child.type === 'list') walk(child.children, folder)
    }
  }
  for (const node of nodes) {
    if (node.type === 'list') walk(node.children, '')
    // `| File | Why |` tables: the paths of the first cell, the rest as the description.
    if (node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const [first, ...rest] = row.children
        const paths = first ? codesOf(first.children).filter(isPathLike) : []
        const description = rest
          .map((cell) => inline(cell.children))
          .filter(Boolean)
          .join('; ')
        for (const found of paths) references.push({path: found.trim(), description, line: row.position?.start.line ?? 0})
      }
    }
  }
  return {references, other}
}
