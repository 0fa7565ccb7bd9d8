import type {Processor} from 'unified'

declare module 'vfile' {
  interface DataMap {
    /** The file started with a byte order mark, taken off before parsing. */
    bom: boolean
  }
}

/** The text without its byte order mark: micromark skips it, so offsets count from after it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Unified plugin (after remark-parse): micromark skips a byte order mark and
 * counts offsets after it, so rules slicing `file.value` and fixes replacing
 * offsets would be one off. Take the BOM off the file before parsing;
 * `file.data.bom` remembers it for whoever writes the file back.
 */
export function stripBom(this: Processor): undefined {
  const parse = this.parser
  if (!parse) return
  this.parser = (document, file) => {
    if (document.charCodeAt(0) !== 0xfeff) return parse(document, file)
    file.value = document.slice(1)
    file.data.bom = true
    return parse(file.value, file)
  }
}
