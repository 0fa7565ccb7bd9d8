import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

/**
 * The text "Format Document" gives back: the one place the language server
 * takes formatting from. It is meant to be the canonical formatter
 * (`formatSpec` from `src/format`); until that lands, remark-stringify with
 * GFM stands in. It may return a promise: the language server awaits it.
 */
export function formatDocument(text: string): string | Promise<string> {
  return String(unified().use(remarkParse).use(remarkGfm).use(remarkStringify).processSync(text))
}
