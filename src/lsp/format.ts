import {formatSpec} from '../format/index.js'

/**
 * The text "Format Document" gives back: the canonical formatter, the same
 * printer as `spec-lint --format` and `spec-lint init`.
 */
export function formatDocument(text: string): string {
  return formatSpec(text)
}
