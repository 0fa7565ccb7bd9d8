import type {VFileMessage} from 'vfile-message'
import {workflowCommand} from '../report/github.js'
import type {Level} from '../report/places.js'
import {levelOf, spanOf} from '../report/places.js'

/** One message of the run, with the repository-relative file it belongs to. */
export interface Entry {
  file: string
  message: VFileMessage
  level: Level
  changed: boolean
}

export function entry(file: string, message: VFileMessage, changed: Set<string>): Entry {
  return {file, message, level: levelOf(message), changed: changed.has(file)}
}

/** GitHub shows at most 10 annotations of each kind per step; the rest are dropped silently. */
export const annotationLimit = 10

const rank: Record<Level, number> = {error: 0, warning: 1, note: 2}

/** Errors first, then files the pull request changes, then file and line. */
export function byPriority(a: Entry, b: Entry): number {
  const line = (e: Entry) => spanOf(e.message)?.start.line ?? 0
  const column = (e: Entry) => spanOf(e.message)?.start.column ?? 0
  return rank[a.level] - rank[b.level] || Number(b.changed) - Number(a.changed) || a.file.localeCompare(b.file) || line(a) - line(b) || column(a) - column(b)
}

/** The workflow commands to print: the first `limit` of each kind, by priority. */
export function annotations(entries: Entry[], limit = annotationLimit): {lines: string[]; shown: number} {
  const counts: Record<Level, number> = {error: 0, warning: 0, note: 0}
  const lines: string[] = []
  for (const e of [...entries].sort(byPriority)) {
    if (counts[e.level] >= limit) continue
    counts[e.level]++
    lines.push(workflowCommand(e.message, e.file))
  }
  return {lines, shown: lines.length}
}
