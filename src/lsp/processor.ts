import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {specProcessor} from '../parse/processor.js'
import specConfiguration from './configured.js'
import {formatSpec} from '../format/index.js'

/**
 * Make "Format Document" independent of lint errors. unified-language-server
 * answers formatting with `String(file)` after an engine run, and the engine
 * does not compile a file with an error-level message, so the formatted text
 * is put on the file after the rules ran (diagnostics only read messages)
 * and the compiler hands it back as is.
 */
function formattedValue(this: Processor) {
  this.compiler = (_: unknown, file: VFile) => String(file.value)
  return async function (_: Root, file: VFile): Promise<undefined> {
    const text = String(file.value ?? '')
    try {
      file.value = formatSpec(text)
    } catch {
      // A formatter failure leaves the text as it is: no edit beats a broken one.
    }
  }
}

/** The language server's processor: spec-lint's parser, the configured rules, the formatter. */
export function languageServerProcessor() {
  return specProcessor().use(specConfiguration).use(formattedValue)
}

export const processor = languageServerProcessor()
