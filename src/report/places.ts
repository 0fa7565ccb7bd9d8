import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface Span {
  start: {line: number; column: number}
  end: {line: number; column: number}
}

/** A message's place as a span (a point is a zero-width span); none without a place. */
export function spanOf(message: VFileMessage): Span | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) {
    if (typeof place.start.line !== 'number' || typeof place.start.column !== 'number') return undefined
    const end = typeof place.end.line === 'number' && typeof place.end.column === 'number' ? place.end : place.start
    return {start: {line: place.start.line, column: place.start.column}, end: {line: end.line, column: end.column}}
  }
  if (typeof place.line !== 'number' || typeof place.column !== 'number') return undefined
  return {start: {line: place.line, column: place.column}, end: {line: place.line, column: place.column}}
}

export type Level = 'error' | 'warning' | 'note'

/** vfile's three severities: `fatal: true` is an error, `false` a warning, unset an info. */
export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'
}

/**
 * The folder paths are reported against: the workflow's checkout on GitHub,
 * else the closest folder up from `cwd` with a `.git`, else `cwd`.
 */
export function repoRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE)
  let dir = path.resolve(cwd)
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return path.resolve(cwd)
    dir = parent
  }
}

/** A file's path relative to `root`, with `/` separators (its own path when it has none). */
export function relativePath(file: VFile, root: string): string {
  if (!file.path) return '<stdin>'
  const absolute = path.resolve(file.cwd, file.path)
  return path.relative(root, absolute).split(path.sep).join('/')
}

/** A file's messages in document order (rules report in catalogue order). */
export function inOrder(messages: readonly VFileMessage[]): VFileMessage[] {
  const key = (m: VFileMessage) => spanOf(m)?.start ?? {line: 0, column: 0}
  return [...messages].sort((a, b) => key(a).line - key(b).line || key(a).column - key(b).column)
}
