import nodePath from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from '../model/schema.js'
import {summarize} from '../model/summary.js'
import type {SpecSummary} from '../model/summary.js'
import type {RuleConfig} from './config.js'
import {controlAdded} from './control.js'
import {reporter} from './report.js'
import type {ReportExtra} from './report.js'

/** One file of a run, as the cross-file phase sees it. */
export interface RunFile {
  file: VFile
  /** The file as a message names it: relative to its folder, `/` separators; `<stdin>` without a path. */
  name: string
  /** What its own run left of its model (`src/model/summary.ts`). */
  summary: SpecSummary
}

export interface RunContext<Options> {
  options: Options
  /** Shared unified settings (`--setting key=value`, a config's `settings`). */
  settings: Readonly<Record<string, unknown>>
  /** Report on one file of the run, as `ctx.report` does in the per-file phase (no fix is offered). */
  report(target: RunFile, reason: string, place?: Position | Point, extra?: ReportExtra): void
}

/** The part of a rule declaration the cross-file phase reads. */
export interface CrossFileRule<Options = unknown> {
  id: string
  /**
   * The cross-file phase: once per run, after every file's own rules (files
   * restored from the cache included), over each file's summary.
   */
  checkRun?(files: readonly RunFile[], ctx: RunContext<Options>): void
}

function nameOf(file: VFile): string {
  if (!file.path) return '<stdin>'
  return nodePath.relative(file.cwd, nodePath.resolve(file.cwd, file.path)).replace(/\\/g, '/') || file.path
}

/** The files of a run that take part: every file with a model, its own run's or one restored from the cache. */
export function runFilesOf(files: readonly VFile[]): RunFile[] {
  const out: RunFile[] = []
  for (const file of files) {
    const spec = file.data.spec
    if (spec) out.push({file, name: nameOf(file), summary: summarize(spec)})
  }
  return out
}

/**
 * Run one rule's cross-file phase over a run's files. This is all a worker
 * pool's main thread needs: the files (with their messages) and summaries
 * from the workers, then this, then the report. Disable comments apply to
 * what it reports, as to a file's own messages.
 */
export function runCrossFile<Options>(
  rule: CrossFileRule<Options>,
  config: RuleConfig<Options>,
  settings: Readonly<Record<string, unknown>>,
  files: readonly RunFile[]
): void {
  if (!rule.checkRun || config.level === 'off') return
  const added = new Map<VFile, VFileMessage[]>()
  rule.checkRun(files, {
    options: config.options,
    settings,
    report(target, reason, place, extra) {
      const before = target.file.messages.length
      reporter(rule.id, config.level, target.file)(reason, place, extra)
      const list = added.get(target.file) ?? []
      list.push(...target.file.messages.slice(before))
      added.set(target.file, list)
    }
  })
  for (const [file, messages] of added) controlAdded(file, messages)
}

interface FileSetLike {
  use(completer: ((set: {valueOf(): VFile[]}) => void) & {pluginId?: string}): unknown
  valueOf(): VFile[]
}

function isFileSet(value: unknown): value is FileSetLike {
  return typeof value === 'object' && value !== null && 'use' in value && typeof value.use === 'function'
}

/** Rule ids whose cross-file phase is registered with a file set. */
const joined = new WeakMap<object, Set<string>>()

/**
 * Register a rule's cross-file phase with unified-engine's file set (the
 * third argument an attacher gets), once per run: the engine runs it when
 * every file is through. The first configuration the rule is attached with
 * is the run's. Without a file set (one file on its own: the API, the
 * language server) there is nothing to compare.
 */
export function joinRun<Options>(
  fileSet: unknown,
  rule: CrossFileRule<Options>,
  config: RuleConfig<Options>,
  settings: Readonly<Record<string, unknown>>
): void {
  if (!rule.checkRun || config.level === 'off' || !isFileSet(fileSet)) return
  let ids = joined.get(fileSet)
  if (!ids) {
    ids = new Set()
    joined.set(fileSet, ids)
  }
  if (ids.has(rule.id)) return
  ids.add(rule.id)
  const completer = Object.assign((set: {valueOf(): VFile[]}) => runCrossFile(rule, config, settings, runFilesOf(set.valueOf())), {
    pluginId: `spec-lint:${rule.id}`
  })
  fileSet.use(completer)
}
