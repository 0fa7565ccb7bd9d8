import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import type {Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import {fixDocuments} from '../edit/apply.js'
import {formatSpec} from '../format/index.js'
import {writeFileAtomic} from '../edit/write-atomic.js'
import {engineOptions, runEngine} from '../engine/engine.js'
import type {Mode} from './types.js'
import {collect, quietOnClosedOutput, readable, reportNoFiles, unifiedDiff} from './run-files.js'

interface Tracked {
  /** The engine's latest lint of the file. */
  file: VFile
  original: string
  /** The text as fixed so far, without a BOM (offsets count from after it). */
  text: string
  bom: string
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
  const options = engineOptions(parsed.engine)
  // The first lint's report is the final one when nothing changes: keep it until then.
  const firstReport = new Captured()
  const first = await runEngine({...options, out: false, output: false, streamError: firstReport})
  if (reportNoFiles(options, first.context)) return 1
  const tracked: Tracked[] = (first.context?.files ?? []).map((file) => {
    const bom = file.data.bom ? '\ufeff' : ''
    const text = readable(file) ? String(file.value) : ''
    return {file, original: bom + text, text, bom}
  })

  await fixDocuments(
    tracked.filter((t) => readable(t.file)),
    async (changed) => (await relint(options, changed.map((t) => [t, t.text] as const))).map(([, file]) => file)
  )

  for (const entry of tracked) {
    if (own.format && readable(entry.file)) entry.text = formatSpec(entry.text)
  }

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
    else await writeFileAtomic(path.resolve(entry.file.cwd, entry.file.path), result)
  }

  if (tracked.every((t) => t.bom + t.text === t.original)) {
    process.stderr.write(firstReport.text)
    return first.code
  }

  // The report is a lint of the final text of every file.
  const report = {...options, out: false, output: false}
  const stdin = tracked.find((t) => t.file.data.unifiedEngineStreamIn)
  if (stdin) return (await runEngine({...report, files: [], streamIn: Readable.from([stdin.bom + stdin.text])})).code
  const finals = tracked.map((t) => (readable(t.file) ? copyOf(t.file, t.bom + t.text) : (t.file.path ?? '')))
  return (await runEngine({...report, files: finals.filter((f) => f !== '')})).code
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
export const misusedFlag: Mode = async (_parsed, own) => {
  const flag = own.check ? 'check' : own['dry-run'] ? 'dry-run' : 'diff'
  const needs = flag === 'check' ? '`--format`' : flag === 'dry-run' ? '`--fix`' : '`--fix` or `--format`'
  process.stderr.write(`spec-lint: Unexpected \`--${flag}\` without ${needs}; see \`spec-lint --help\`\n`)
  return 2
}
