import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import type {Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import {fixDocuments} from '../edit/apply.js'
import {formatSpec} from '../format/index.js'
import {engineOptions, runEngine} from '../engine/engine.js'
import {leanRun} from '../engine/cache.js'
import type {Mode} from './types.js'
import {collect, quietOnClosedOutput, readable, reportNoFiles, unifiedDiff} from './run-files.js'
import {writeBack} from './write-back.js'

interface Tracked {
  /** The engine's latest lint of the file. */
  file: VFile
  original: string
  /** The text as fixed so far, without a BOM (offsets count from after it). */
  text: string
  bom: string
  /** Fixes applied over every pass. */
  fixed: number
}

/**
 * `--fix`: the fix loop (`fixDocuments`) over every file, each pass one
 * engine run over the files that changed; then write
 * the files that changed (or print them with `--dry-run` / `--diff`) and
 * report what is left, as a normal lint of the fixed text would.
 */
export const fixMode: Mode = async (parsed, own) => {
  quietOnClosedOutput()
  const write = !own['dry-run'] && !own.diff
  // Fixes come from messages: each file's tree and model go as soon as its rules are done,
  // so memory does not hold every file's syntax tree until the run ends.
  const options = leanRun(engineOptions(parsed.engine))
  // The first lint's report is the final one when nothing changes: keep it until then.
  const firstReport = new Captured()
  const first = await runEngine({...options, out: false, output: false, streamError: firstReport})
  if (reportNoFiles(options, first.context)) return 2
  const tracked: Tracked[] = (first.context?.files ?? []).map((file) => {
    const bom = file.data.bom ? '\ufeff' : ''
    const text = readable(file) ? String(file.value) : ''
    return {file, original: bom + text, text, bom, fixed: 0}
  })

  const {applied} = await fixDocuments(
    tracked.filter((t) => readable(t.file)),
    async (changed) =>
      (
        await relint(
          options,
          changed.map((t) => [t, t.text] as const)
        )
      ).map(([, file]) => file)
  )
  for (const [entry, edits] of applied) entry.fixed = edits.length

  for (const entry of tracked) {
    if (own.format && readable(entry.file)) entry.text = formatSpec(entry.text)
  }

  const writes: Array<{name: string; path: string; expected: string; value: string; entry: Tracked}> = []
  for (const entry of tracked) {
    const result = entry.bom + entry.text
    if (!readable(entry.file)) continue
    const stdin = Boolean(entry.file.data.unifiedEngineStreamIn)
    // Standard input is always printed back; a file only when it changed.
    if (stdin && !own.diff) {
      process.stdout.write(result)
      continue
    }
    if (result === entry.original) continue
    const name = stdin || !entry.file.path ? '<stdin>' : path.relative(entry.file.cwd, path.resolve(entry.file.cwd, entry.file.path))
    if (own.diff) process.stdout.write(unifiedDiff(name, entry.original, result))
    else if (!write) process.stdout.write(result)
    else writes.push({name, path: path.resolve(entry.file.cwd, entry.file.path), expected: entry.original, value: result, entry})
  }
  const unwritten = new Set([...(await writeBack(writes))].map((write) => write.entry))

  if (tracked.every((t) => t.bom + t.text === t.original)) {
    process.stderr.write(firstReport.text)
    return first.code
  }
  const failed = (code: number) => (unwritten.size > 0 && code === 0 ? 1 : code)

  // The report is a lint of the final text of every file.
  const report = {...options, out: false, output: false}
  const stdin = tracked.find((t) => t.file.data.unifiedEngineStreamIn)
  // A file not written is reported as it is on disk.
  const finals = tracked.map((t) => (readable(t.file) && !unwritten.has(t) ? copyOf(t.file, t.bom + t.text) : (t.file.path ?? '')))
  const last = stdin
    ? await runEngine({...report, files: [], streamIn: Readable.from([stdin.bom + stdin.text])})
    : await runEngine({...report, files: finals.filter((f) => f !== '')})
  process.stderr.write(fixSummary(tracked, last.context?.files ?? [], write) + '\n')
  return stdin ? last.code : failed(last.code)
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What `--fix` did and what is left, in one line after the report. */
export function fixSummary(tracked: ReadonlyArray<{fixed: number}>, after: readonly VFile[], write: boolean): string {
  const fixed = tracked.reduce((n, t) => n + t.fixed, 0)
  const files = tracked.filter((t) => t.fixed > 0).length
  const left = after.reduce((n, f) => n + f.messages.filter((m) => m.fatal === true || m.fatal === false).length, 0)
  const done = `${write ? 'fixed' : 'would fix'} ${plural(fixed, 'problem')} in ${plural(files, 'file')}`
  return `spec-lint: ${done}; ${left === 0 ? 'nothing is left' : `${plural(left, 'problem')} left (listed above)`}`
}

/** A stream that keeps what is written to it. */
class Captured extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk)
    done()
  }
}

function copyOf(file: VFile, value: string): VFile {
  return new VFile({path: file.path, cwd: file.cwd, value})
}

/**
 * Lint texts again with the engine (each file's own configuration), without
 * a report. Given files keep their identity through the engine; standard
 * input is read again from a stream.
 */
async function relint<T>(options: EngineOptions, entries: ReadonlyArray<readonly [T & {file: VFile}, string]>): Promise<Array<[T, VFile]>> {
  const out: Array<[T, VFile]> = []
  const files: VFile[] = []
  for (const [entry, text] of entries) {
    if (entry.file.data.unifiedEngineStreamIn) {
      const {context} = await collect({...options, files: [], streamIn: Readable.from([text])})
      const file = context?.files[0]
      if (file) out.push([entry, file])
      continue
    }
    const copy = copyOf(entry.file, text)
    files.push(copy)
    out.push([entry, copy])
  }
  if (files.length > 0) await collect({...options, files})
  return out
}

/** `--check`, `--dry-run` or `--diff` without the mode they belong to. */
export const misusedFlag: Mode = (_parsed, own) => {
  const flag = own.check ? 'check' : own['dry-run'] ? 'dry-run' : 'diff'
  const needs = flag === 'check' ? '`--format`' : flag === 'dry-run' ? '`--fix`' : '`--fix` or `--format`'
  process.stderr.write(`spec-lint: Unexpected \`--${flag}\` without ${needs}; see \`spec-lint --help\`\n`)
  return Promise.resolve(2)
}
