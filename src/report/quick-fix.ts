/** Longest text of a quick fix title's quoted part before it is cut. */
const maxQuoted = 60

/**
 * Text shown inside a one-line title: line breaks become `⏎`, runs of
 * blank space one space, and a long text is cut with `…`, so an insertion
 * such as `\n\n<promise>X_COMPLETE</promise>` reads as one line in an
 * editor's menu.
 */
export function oneLine(text: string, max = maxQuoted): string {
  const flat = text
    .replace(/^(?:\r\n|\r|\n)+|(?:\r\n|\r|\n)+$/g, '')
    .replace(/(?:\r\n|\r|\n)+/g, ' ⏎ ')
    .replace(/[ \t]+/g, ' ')
    .trim()
  return flat.length > max ? flat.slice(0, max - 1).trimEnd() + '…' : flat
}

/** The title of a quick fix that replaces `actual` with `replacement` (unified-language-server's wording, one line). */
export function quickFixTitle(actual: string, replacement: string): string {
  if (replacement === '') return `Remove \`${oneLine(actual)}\``
  if (actual === '') return `Insert \`${oneLine(replacement)}\``
  return `Replace \`${oneLine(actual)}\` with \`${oneLine(replacement)}\``
}
