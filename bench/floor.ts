/**
 * The physical floor: a bare `fromMarkdown` + GFM parse of every file given
 * (files or folders of `.md`), each tree dropped as soon as it is built.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'

function expand(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target]
  return fs
    .readdirSync(target)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(target, name))
}

let nodes = 0
for (const file of process.argv.slice(2).flatMap(expand)) {
  const tree = fromMarkdown(fs.readFileSync(file, 'utf8'), {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
  nodes += tree.children.length
}
process.stdout.write(`${nodes}\n`)
