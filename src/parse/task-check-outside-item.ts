import type {CompileContext, Extension, Token} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
// The token types of GFM task list items.
import type {} from 'micromark-extension-gfm-task-list-item'

/*
 * micromark's GFM task list hook takes the first content after an empty
 * list item (a marker alone on its line) for the item's, even when that
 * content is not indented into the item and so stands outside it: in
 * `*\n[ ] x`, `[ ]` was read as the check of a paragraph in the document,
 * the document got `checked`, and the text `[ ]` was lost (the formatter
 * then wrote ` x`). A check whose paragraph is not in a list item is text,
 * as CommonMark reads it.
 */
const extension: Extension = {
  exit: {
    taskListCheckValueChecked: exitCheckValue,
    taskListCheckValueUnchecked: exitCheckValue,
    taskListCheck: exitCheck
  }
}

function inListItem(context: CompileContext): boolean {
  return context.stack[context.stack.length - 2]?.type === 'listItem'
}

function exitCheckValue(this: CompileContext, token: Token): undefined {
  const item = this.stack[this.stack.length - 2]
  if (item?.type === 'listItem') item.checked = token.type === 'taskListCheckValueChecked'
}

function exitCheck(this: CompileContext, token: Token): undefined {
  if (inListItem(this)) return
  const paragraph = this.stack[this.stack.length - 1]
  if (paragraph?.type !== 'paragraph') return
  // The text that follows joins this node, as data after text does.
  paragraph.children.push({
    type: 'text',
    value: this.sliceSerialize(token),
    position: {start: pointOf(token.start), end: pointOf(token.end)}
  })
}

function pointOf(point: Token['start']) {
  return {line: point.line, column: point.column, offset: point.offset}
}

/** Unified plugin (after remark-gfm): a task list check outside a list item is text. */
export function remarkTaskCheckOutsideItem(this: Processor): undefined {
  const data = this.data()
  ;(data.fromMarkdownExtensions ??= []).push(extension)
}
