import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {lint} from '../../src/engine/lint.js'
import recommended from '../../presets/recommended.js'
import strict from '../../presets/strict.js'

export const root = path.resolve(import.meta.dirname, '../..')
const cleanDir = path.join(root, 'fixtures/clean')
/** Every clean fixture: the real-shaped specs mutations start from. */
export const cleanSpecs: string[] = fs
  .readdirSync(cleanDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => fs.readFileSync(path.join(cleanDir, name), 'utf8'))

export const presets = {recommended, strict}

export function lintWith(name: keyof typeof presets) {
  return (value: string) => lint(value, {preset: presets[name]})
}

/**
 * Problems with a message's place: it must point inside the text the file
 * holds (a leading BOM is set aside before parsing, so offsets count after it).
 */
export function placeProblems(file: VFile): string[] {
  const text = String(file.value ?? '')
  const problems: string[] = []
  const where = location(text)
  for (const message of file.messages) {
    const place = message.place
    const label = `${message.ruleId ?? '?'} "${message.reason}"`
    if (!place) {
      problems.push(`${label}: no place`)
      continue
    }
    const points = 'start' in place ? [place.start, place.end] : [place]
    for (const point of points) {
      if (point.offset === undefined) {
        problems.push(`${label}: no offset`)
        continue
      }
      if (point.offset < 0 || point.offset > text.length) problems.push(`${label}: offset ${point.offset} outside 0..${text.length}`)
      const back = where.toPoint(point.offset)
      if (!back || back.line !== point.line || back.column !== point.column) {
        problems.push(`${label}: ${point.line}:${point.column} is not offset ${point.offset} (${back?.line}:${back?.column})`)
      }
    }
    if ('start' in place && (place.end.offset ?? 0) < (place.start.offset ?? 0)) problems.push(`${label}: ends before it starts`)
  }
  return problems
}

/** Lower-cased words (letters and digits) with their counts. */
export function words(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1)
  return counts
}

/** Words of `before` that `after` has fewer of, beyond those in `allowed` (text a fix replaced). */
export function lostWords(before: string, after: string, allowed = ''): string[] {
  const have = words(after)
  const free = words(allowed)
  const lost: string[] = []
  for (const [word, count] of words(before)) {
    if ((have.get(word) ?? 0) + (free.get(word) ?? 0) < count) lost.push(word)
  }
  return lost
}

// Unicode that trips naive code: combining marks, RTL text and overrides,
// zero-width joiners, astral symbols, full-width and NBSP.
const tricky = ['\u0301', '\u0308\u0323', 'א', 'مرحبا', '\u202E', '\u200F', '\u200D', '👩‍💻', '𝔘', '\u00A0', 'Ｔ', 'ǅ', 'İ', 'ß', '\t']

export const unicodeText = fc.oneof(
  fc.string({maxLength: 12}),
  fc.string({unit: 'grapheme', maxLength: 8}),
  fc.constantFrom(...tricky),
  fc.array(fc.constantFrom(...tricky, 'a', ' ', '*', '_', '`', '|', '[', ']', '(', ')', '<', '>', '-', '#', '\\'), {maxLength: 12}).map((a) => a.join(''))
)

const sectionNames = [
  'Meta',
  'Overview',
  'Skills',
  'Requirements',
  'Architecture',
  'Reference Files',
  'Execution Plan',
  'Work Streams',
  'Phase 1: Setup',
  'Acceptance Criteria',
  'Completion Promise',
  'Notes'
]

/** One Markdown line of a kind specs contain, with hostile text inside. */
const line = fc.oneof(
  fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), fc.oneof(fc.constantFrom(...sectionNames), unicodeText)).map(([h, t]) => h + t),
  fc.array(unicodeText, {minLength: 1, maxLength: 5}).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|', '|-------|-------|', '| Field | Value |', '| Chunk | Stream | Outcome | Depends On |', '|--|'),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '  - ', '> ', '> - '), unicodeText).map(([m, t]) => m + t),
  fc.tuple(fc.constantFrom('- [ ] **', '- [x] **'), unicodeText, fc.constantFrom('** (X-1)', '**', '')).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('Outcome: ', 'Stream: ', 'Skills: ', 'Depends On: ', 'Type | ', 'Status: '), unicodeText).map(([l, t]) => '  ' + l + t),
  fc.constantFrom(
    '```',
    '```ts',
    '~~~',
    '<!--',
    '-->',
    '<!-- spec-lint disable -->',
    '<!-- spec-lint bogus -->',
    '<promise>DONE_COMPLETE</promise>',
    '<promise>',
    '',
    '',
    '    code',
    '***',
    '---'
  ),
  unicodeText
)

export const generatedMarkdown = fc
  .tuple(fc.array(line, {maxLength: 40}), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol))

function sections(text: string): string[] {
  return text.split(/(?=^## )/m)
}

/** One mutation of a real spec: what half-written and mangled files look like. */
const mutation = fc.oneof(
  fc.nat().map((n) => (lines: string[]) => lines.filter((_, i) => i !== n % lines.length)),
  fc.nat().map((n) => (lines: string[]) => lines.flatMap((l, i) => (i === n % lines.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (lines: string[]) => {
    const out = [...lines]
    const i = a % out.length
    const j = b % out.length
    ;[out[i], out[j]] = [out[j] as string, out[i] as string]
    return out
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (lines: string[]) => {
    const parts = sections(lines.join('\n'))
    const [moved] = parts.splice(a % parts.length, 1)
    parts.splice(b % (parts.length + 1), 0, moved as string)
    return parts.join('').split('\n')
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (lines: string[]) => {
    const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|'))
    if (rows.length === 0) return lines
    const [row, i] = rows[a % rows.length] as readonly [string, number]
    const out = [...lines]
    out[i] = row.slice(0, b % row.length)
    return out.slice(0, i + 1).concat(b % 2 === 0 ? [] : out.slice(i + 1))
  }),
  fc.tuple(fc.nat(), fc.nat(), unicodeText).map(([a, b, text]) => (lines: string[]) => {
    const out = [...lines]
    const i = a % out.length
    const l = out[i] as string
    const at = b % (l.length + 1)
    out[i] = l.slice(0, at) + text + l.slice(at)
    return out
  }),
  fc.tuple(fc.nat(), fc.constantFrom('```', '~~~', '<!--', '<!-- spec-lint disable', '<promise>', '> ', '\t')).map(([a, text]) => (lines: string[]) => {
    const out = [...lines]
    out.splice(a % (out.length + 1), 0, text)
    return out
  }),
  fc.tuple(fc.nat(), fc.integer({min: 1000, max: 20000})).map(([a, size]) => (lines: string[]) => {
    const out = [...lines]
    const rows = out.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('| '))
    if (rows.length === 0) return out
    const [row, i] = rows[a % rows.length] as readonly [string, number]
    out[i] = row.replace(/^\| /, `| ${'huge cell '.repeat(size / 10)}`)
    return out
  }),
  fc.constant((lines: string[]) => lines.map((l) => l.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2))))
)

export const mutatedSpec = fc
  .tuple(fc.constantFrom(...cleanSpecs), fc.array(mutation, {minLength: 1, maxLength: 6}), fc.constantFrom('\n', '\n', '\r\n'), fc.boolean())
  .map(([spec, steps, eol, bom]) => {
    let lines = spec.split('\n')
    for (const step of steps) lines = step(lines)
    return (bom ? '\uFEFF' : '') + lines.join(eol)
  })
