import type {VFile} from 'vfile'
import reporter from 'vfile-reporter'
import {firstLine} from '../engine/errors.js'
import {isRelatedCause} from '../rule.js'
import {reporterCompact} from './compact.js'
import {reporterGithub} from './github.js'
import {reporterJsonRelated} from './json.js'
import {reporterSarif} from './sarif.js'

export type Reporter = (files: VFile[], options: Record<string, unknown>) => string

/**
 * Reporters spec-lint ships, by `--report` name. Other names go to the
 * engine, which loads `vfile-reporter-<name>` from the working directory.
 */
export const reporters: Record<string, Reporter> = {
  default: reporterCompact,
  compact: reporterCompact,
  stylish: reporter,
  json: reporterJsonRelated,
  github: reporterGithub,
  sarif: reporterSarif
}

/**
 * Fold an engine error's chain of causes (a config that does not parse, a
 * plugin that throws) into one line per message: users get the reason, not a
 * stack trace.
 */
export function flattenCauses(files: VFile[]): void {
  for (const file of files) {
    for (const message of file.messages) {
      let cause: unknown = message.cause
      // A related place is not an error: it keeps its own place for reporters to link.
      if (cause === undefined || isRelatedCause(message)) continue
      const reasons = [message.reason]
      while (cause instanceof Error) {
        const line = firstLine(cause.message)
        if (!reasons.some((r) => r.includes(line))) reasons.push(line)
        cause = (cause as Error & {cause?: unknown}).cause
      }
      message.reason = reasons.join(': ')
      message.message = message.reason
      message.cause = undefined
      message.stack = undefined
    }
  }
}

/**
 * Take related places off the messages' `cause` for a reader that would
 * print a cause as text: unified-language-server appends `cause.stack` to
 * a diagnostic and has no `relatedInformation`, so the places stay in the
 * reason only (`(first at 9:19)`).
 */
export function dropRelatedCauses(files: VFile[]): void {
  for (const file of files) {
    for (const message of file.messages) {
      if (isRelatedCause(message)) message.cause = undefined
    }
  }
}

export function withFlatCauses(inner: Reporter): Reporter {
  return (files, options) => {
    flattenCauses(files)
    return inner(files, options)
  }
}

/** The `--report` value as the engine takes it: one of ours (causes folded), or a name for the engine to load. */
export function resolveReporter(name: unknown): unknown {
  const key = name ?? 'default'
  const known = typeof key === 'string' && Object.hasOwn(reporters, key) ? reporters[key] : undefined
  return known ? withFlatCauses(known) : key
}
