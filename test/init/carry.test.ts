import fs from 'node:fs'
import path from 'node:path'
import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import discoveryCoverage from '../../rules/discovery-coverage.js'
import {classifyHeading} from '../../src/discovery/index.js'
import {isNarrative} from '../../src/discovery/sections.js'
import {parseMarkdown, specProcessor} from '../../src/parse/index.js'
import {corpus, fixtures, project, scaffoldFixture} from './helpers.js'
import {scaffoldSpec} from '../../src/init/index.js'

const documents = [
  ...fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.md') && name !== 'no-sections.md')
    .map((name) => ({name: `fixtures/${name}`, file: path.join(fixtures, name)})),
  ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).map((name) => ({name: `corpus/${name}`, file: path.join(corpus, name)})) : [])
]

/** Sections whose every sentence a spec must carry: what to build, what was decided, what could go wrong, what done means. */
const carried = new Set(['solution', 'requirements', 'scope', 'decisions', 'constraints', 'risks', 'success'])

const plain = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * The sentences of a document's carried sections, read straight from the
 * tree (not through the reader under test): paragraphs, list items and
 * table cells. Code, headings and bare labels (`**Preferences:**`, at most
 * six words ending in a colon) are structure, not content.
 */
function sentences(source: string): string[] {
  const {tree} = parseMarkdown(new VFile({value: source}))
  const out: string[] = []
  let carry = false
  const collect = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'heading') return
    // A header row names columns; the rows under it are the content.
    if (node.type === 'table') {
      for (const row of node.children.slice(1)) collect(row)
      return
    }
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      // Sentences, and `✓ …` check-mark lines, each on its own.
      for (const sentence of toString(node).split(/(?<=[.!?])\s+|\s*[✓✔☑✅]\s*/)) {
        const text = plain(sentence)
        if (text === '' || (text.endsWith(':') && text.split(' ').length <= 6)) continue
        out.push(text)
      }
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) collect(child)
  }
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading' && node.depth <= 2) {
      const heading = toString(node)
      const kind = classifyHeading(heading)
      // Domain sections (`Pricing`, `Coaches`) carry too; narrative ones (diagrams, examples) stay in the discovery.
      carry = node.depth === 2 && (kind === null ? !isNarrative(heading) : carried.has(kind))
      continue
    }
    if (carry) collect(node)
  }
  return out
}

function scaffoldOf(file: string) {
  return scaffoldSpec({source: fs.readFileSync(file, 'utf8'), project, created: '2026-01-10', discoveryPath: 'discovery.md', type: undefined})
}

describe('no sentence of a discovery is lost', () => {
  it.each(documents)('$name: every sentence of its requirement, decision, risk and success sections is in the scaffold', ({file}) => {
    const source = fs.readFileSync(file, 'utf8')
    const {markdown} = scaffoldOf(file)
    const text = plain(toString(specProcessor().parse(markdown)))
    const wanted = sentences(source)
    expect(wanted.length).toBeGreaterThan(0)
    // A lead label may be reworded (`Success = shops hear…` becomes the criterion `Shops hear…`).
    const lost = wanted.filter((s) => !text.includes(s) && !text.includes(s.replace(/^[^=:]{1,40}[=:]\s?/, '')))
    expect(lost).toEqual([])
  })
})

describe('the scaffold traces its discovery', () => {
  it.each(documents)('$name: discovery-coverage finds every reference, in-scope item and open question carried', async ({file}) => {
    const {markdown} = scaffoldOf(file)
    const processor = specProcessor().use({plugins: [[discoveryCoverage, ['warn', {discovery: fs.readFileSync(file, 'utf8')}]]]})
    const vfile = new VFile({value: markdown, path: 'specs/x.md'})
    await processor.run(processor.parse(vfile), vfile)
    expect(vfile.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([])
  })
})

describe('expected scaffolds', () => {
  const expected = path.resolve(fixtures, '../init')
  it.each(fs.readdirSync(expected))('%s', (name) => {
    const {markdown} = scaffoldFixture(name, {discoveryPath: `../docs/${name}`})
    expect(markdown).toBe(fs.readFileSync(path.join(expected, name), 'utf8'))
  })
})
