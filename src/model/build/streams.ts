import {isNoneValue} from '../vocabulary.js'
import {plainValue} from '../text.js'
import type {Cell, PathPattern, Stream} from '../schema.js'
import {range, pick} from './context.js'
import type {Ctx, ParsedRow} from './context.js'

/* The Work Streams table: names, skills, and Owns cells split into paths and prose. */

export function parseStream(ctx: Ctx, row: ParsedRow): Stream {
  const cells = row.cells
  const owns = pick(cells, 'owns', 'files', 'owns files')
  const {paths, prose} = owns && owns.raw ? ownsParts(ctx, owns) : {paths: [], prose: []}
  const skills = pick(cells, 'skills')?.text ?? ''
  return {
    name: plainValue(pick(cells, 'stream', 'name')?.text ?? ''),
    responsibility: pick(cells, 'responsibility')?.text ?? '',
    owns: paths,
    ownsProse: prose,
    skills: splitList(skills),
    position: row.position,
    cells
  }
}

/**
 * An Owns cell split into paths: at `,` and `;` outside backticks, braces
 * and brackets (`src/{api,models}/*.py` is one glob), with exact offsets.
 * A part that holds backticked paths and words keeps the paths and is also
 * prose; a part that is no path at all is prose only.
 */
export function ownsParts(ctx: Ctx, owns: Cell): {paths: PathPattern[]; prose: PathPattern[]} {
  const paths: PathPattern[] = []
  const prose: PathPattern[] = []
  const base = owns.position.start.offset
  for (const part of splitOutside(owns.raw)) {
    const trimmed = part.text.trim()
    if (!trimmed || isNoneValue(plainValue(trimmed))) continue
    const lead = part.text.length - part.text.trimStart().length
    const start = base + part.start + lead
    const place = range(ctx, start, start + trimmed.length)
    const codes = [...trimmed.matchAll(/`([^`]+)`/g)]
    const words = trimmed.replace(/`[^`]*`/g, '').replace(/[\s()[\]:.—–-]+/g, '')
    if (codes.length > 0 && words !== '') {
      for (const code of codes) {
        const value = (code[1] ?? '').trim()
        const at = start + (code.index ?? 0)
        if (isPathLike(value, true)) paths.push({pattern: value, position: range(ctx, at, at + (code[0] ?? '').length)})
      }
      prose.push({pattern: trimmed, position: place})
      continue
    }
    // A backticked value may hold spaces (`Next Gen Gym/`); a bare one may not.
    const pattern = pathValue(trimmed)
    if (isPathLike(pattern, codes.length > 0)) paths.push({pattern, position: place})
    else prose.push({pattern: trimmed, position: place})
  }
  return {paths, prose}
}

export function splitOutside(raw: string): Array<{text: string; start: number}> {
  const out: Array<{text: string; start: number}> = []
  let depth = 0
  let code = false
  let last = 0
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]
    if (char === '`') code = !code
    else if (code) continue
    else if (char === '{' || char === '[') depth++
    else if ((char === '}' || char === ']') && depth > 0) depth--
    else if ((char === ',' || char === ';') && depth === 0) {
      out.push({text: raw.slice(last, i), start: last})
      last = i + 1
    }
  }
  out.push({text: raw.slice(last), start: last})
  return out
}

/**
 * A path or glob: no spaces outside a backticked value, no arrows, only the
 * characters paths and globs are written with, and not an acronym standing
 * for a feature (`PWA/manifest`, `UI/styles`).
 */
export function isPathLike(value: string, quoted = false): boolean {
  const v = value.trim()
  if (v === '' || (!quoted && /\s/.test(v))) return false
  if (/→|->|=>|…/.test(v)) return false
  if (!/^[\p{L}\p{N}_.@~*?{}[\]!/+,=()^$ -]+$/u.test(v)) return false
  const first = v.replace(/^\.\//, '').split('/')[0] ?? ''
  if (v.includes('/') && /^[A-Z]{2,}$/.test(first)) return false
  return true
}

/**
 * A path or glob as written in an Owns cell: backticks dropped, but `**` kept
 * (it is a globstar there, not bold) unless it wraps the whole value.
 */
export function pathValue(raw: string): string {
  const value = raw.trim()
  const code = /^`([^`]*)`$/.exec(value)
  if (code) return (code[1] ?? '').trim()
  const bold = /^\*\*([^*]+)\*\*$/.exec(value)
  if (bold) return (bold[1] ?? '').trim()
  return value.replace(/`/g, '').trim()
}

export function splitList(value: string): string[] {
  return (
    value
      // Split on the comma alone: plainValue trims, and `\s*,\s*` backtracks
      // over long runs of spaces.
      .split(',')
      .map((s) => plainValue(s))
      .filter((s) => s && !/^[—–-]$/.test(s))
  )
}
