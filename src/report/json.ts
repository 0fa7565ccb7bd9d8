import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import reporterJson from 'vfile-reporter-json'
import type {Options} from 'vfile-reporter-json'
import {relatedOf} from '../rule.js'

interface JsonMessage {
  related?: Array<{reason: string; file?: string; place: VFileMessage['place']}>
}

/**
 * `--report json`: vfile-reporter-json's report, each message with the
 * places it refers to (`related`: reason, file when another one, place),
 * which vfile-reporter-json leaves out with `cause`.
 */
export function reporterJsonRelated(files: VFile[], options: Options = {}): string {
  const report = reporterJson(files, options)
  if (!files.some((file) => file.messages.some((message) => relatedOf(message).length > 0))) return report
  const data = JSON.parse(report) as Array<{messages: JsonMessage[]}>
  // The same selection vfile-reporter-json makes, so entries line up with files and messages.
  const kept = files
    .map((file) => file.messages.filter((message) => !options.silent || message.fatal))
    .filter((messages) => (!options.quiet && !options.silent) || messages.length > 0)
  kept.forEach((messages, fileIndex) => {
    messages.forEach((message, index) => {
      const related = relatedOf(message)
      const entry = data[fileIndex]?.messages[index]
      if (!entry || related.length === 0) return
      entry.related = related.map((place) => ({reason: place.reason, ...(place.file ? {file: place.file} : {}), place: place.place}))
    })
  })
  const pretty = options.pretty
  return JSON.stringify(data, undefined, pretty === true ? 2 : pretty || 0)
}
