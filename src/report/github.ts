import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {inOrder, levelOf, relativePath, repoRoot, spanOf} from './places.js'

export interface GithubOptions {
  silent?: boolean
  /** Folder the `file=` paths are relative to (default: the repository root). */
  root?: string
}

/** Escape workflow command data: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a workflow command property: as data, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const commands = {error: 'error', warning: 'warning', note: 'notice'} as const

/** One workflow command (`::error file=…,line=…::reason`) for a message. */
export function workflowCommand(message: VFileMessage, file: string): string {
  const span = spanOf(message)
  const properties: Array<[string, string | number]> = [['file', file]]
  if (span) {
    properties.push(['line', span.start.line], ['endLine', span.end.line], ['col', span.start.column], ['endColumn', span.end.column])
  }
  properties.push(['title', message.ruleId ? `spec-lint(${message.ruleId})` : 'spec-lint'])
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${commands[levelOf(message)]} ${list}::${escapeData(message.reason)}`
}

/**
 * `--report github`: GitHub Actions workflow commands, one per message, so
 * each shows as an annotation on the file and line in the pull request.
 */
export function reporterGithub(files: VFile[], options: GithubOptions = {}): string {
  const lines: string[] = []
  for (const file of files) {
    const root = options.root ?? repoRoot(file.cwd)
    const name = relativePath(file, root)
    for (const message of inOrder(file.messages)) {
      if (options.silent && !message.fatal) continue
      lines.push(workflowCommand(message, name))
    }
  }
  return lines.join('\n')
}
