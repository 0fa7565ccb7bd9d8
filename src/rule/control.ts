import type {Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {SpecModel} from '../model/schema.js'

export const source = 'spec-lint'

const controlVerb = /^<!--\s*spec-lint(?:\s+(\S+))?/

/** What a later phase needs to apply a file's comments to messages added after its own rules. */
interface Controlled {
  tree: Root
  bad: Set<number>
}

/**
 * Files with spec-lint comments, kept (weakly) with their tree so the
 * cross-file phase can apply the same comments to the messages it adds.
 * Files without comments are never held.
 */
const controlled = new WeakMap<VFile, Controlled>()

/** Offsets of comments whose keyword is not `disable`, `enable` or `ignore`. */
function badComments(spec: SpecModel): Set<number> {
  const bad = new Set<number>()
  for (const comment of spec.controlComments) {
    const verb = controlVerb.exec(comment.value)?.[1]
    if (verb && verb !== '-->' && !['disable', 'enable', 'ignore'].includes(verb)) {
      bad.add(comment.position.start.offset)
    }
  }
  return bad
}

function filter(tree: Root, file: VFile, bad: Set<number>): void {
  messageControl(tree, {
    file,
    name: source,
    marker: commentMarker,
    test(node) {
      return node.type === 'html' && !bad.has(node.position?.start.offset ?? -1)
    }
  })
}

/**
 * Apply `<!-- spec-lint disable|enable|ignore … -->` to a file's messages,
 * once, after every rule of the file ran. A comment with an unknown keyword
 * is reported and otherwise ignored instead of aborting the file.
 */
export function controlFile(tree: Root, file: VFile, spec: SpecModel): void {
  if (spec.controlComments.length === 0) return
  const bad = badComments(spec)
  for (const comment of spec.controlComments) {
    if (!bad.has(comment.position.start.offset)) continue
    const verb = controlVerb.exec(comment.value)?.[1] ?? ''
    const message = file.message(`Unexpected keyword \`${verb}\` in a spec-lint comment, expected \`disable\`, \`enable\` or \`ignore\``, {
      place: comment.position,
      ruleId: 'control-comment',
      source
    })
    message.fatal = true
  }
  filter(tree, file, bad)
  controlled.set(file, {tree, bad})
}

/**
 * Apply a file's comments to messages added after its own rules ran (the
 * cross-file phase), leaving the messages already filtered alone.
 */
export function controlAdded(file: VFile, added: readonly VFileMessage[]): void {
  const entry = controlled.get(file)
  if (!entry || added.length === 0) return
  const earlier = file.messages.filter((message) => !added.includes(message))
  file.messages = [...added]
  filter(entry.tree, file, entry.bad)
  file.messages = [...earlier, ...file.messages]
}
