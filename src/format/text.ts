/** Byte order mark and line endings: read off the input, put back on the output. */
export interface TextShape {
  bom: boolean
  eol: '\n' | '\r\n' | '\r'
}

export function shapeOf(text: string): TextShape {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] as TextShape['eol'] | undefined
  return {bom: text.charCodeAt(0) === 0xfeff, eol: eol ?? '\n'}
}

export {withoutBom} from '../parse/bom.js'

/** Give LF text the shape of the original: its line ending everywhere, its BOM back. */
export function reshape(text: string, shape: TextShape): string {
  let out = text
  if (shape.eol !== '\n') out = out.replace(/\r\n|\r|\n/g, shape.eol)
  else if (/\r/.test(out)) out = out.replace(/\r\n?/g, '\n')
  return (shape.bom ? '\ufeff' : '') + out
}
