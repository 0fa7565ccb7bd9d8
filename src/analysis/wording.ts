import {memoByOptions} from '../model/memo.js'

/*
 * Word lists and patterns for `subtask-vague` and `subtask-prescriptive`,
 * in one place so that both rules and their options agree. Every pattern is
 * linear: single quantifiers over user text, no nested repetition.
 */

/** Words that make a task say nothing about what done looks like. */
export const vagueWords = ['stuff', 'things', 'everything', 'misc', 'miscellaneous', 'various', 'whatever', 'somehow', 'some work'] as const

/**
 * Verbs so broad that, with an object of one or two words and nothing else,
 * the task names an area instead of a result (`Build carousel agents`,
 * `Do the backend`). `Add`, `Create` and `Implement` are not here: `Add API
 * endpoint` already names a concrete thing.
 */
export const broadVerbs = ['build', 'make', 'do', 'handle', 'work on', 'deal with', 'sort out', 'finish'] as const

/**
 * Objects that name an area rather than a thing: with a broad verb, a plural
 * (`agents`) or one of these (`the backend`) leaves the task without an end.
 */
export const areaNouns = [
  'backend',
  'frontend',
  'api',
  'ui',
  'ux',
  'app',
  'application',
  'system',
  'feature',
  'logic',
  'part',
  'side',
  'layer',
  'infrastructure',
  'integration',
  'rest',
  'work',
  'remaining'
] as const

/** Whole-task placeholders. */
export const placeholderTasks = ['tbd', 'todo', 'tba', '???', '...', '…', 'wip'] as const

/** File extensions that make a token a file path (`main.py`, `src/app/x.ts`). */
export const fileExtensions = [
  'py',
  'ts',
  'tsx',
  'js',
  'jsx',
  'mjs',
  'cjs',
  'json',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'md',
  'mdx',
  'css',
  'scss',
  'html',
  'go',
  'rs',
  'rb',
  'java',
  'kt',
  'swift',
  'sql',
  'sh',
  'vue',
  'svelte',
  'c',
  'h',
  'cpp',
  'cs',
  'php',
  'ex',
  'exs',
  'dart',
  'lock',
  'env',
  'prisma',
  'graphql',
  'proto'
] as const

/** Tuning knobs whose exact value is an implementation choice (`temperature 0.7`). */
export const tuningKeys = [
  'temperature',
  'top_p',
  'top-p',
  'top p',
  'top_k',
  'top-k',
  'max_tokens',
  'max tokens',
  'max-tokens',
  'frequency_penalty',
  'presence_penalty',
  'learning rate',
  'learning_rate',
  'batch size',
  'batch_size'
] as const

/** Type names that turn `name (type)` into a typed field list. */
export const typeNames = [
  'int',
  'integer',
  'str',
  'string',
  'float',
  'double',
  'bool',
  'boolean',
  'number',
  'list',
  'dict',
  'array',
  'datetime',
  'date',
  'uuid',
  'bigint',
  'decimal',
  'varchar',
  'timestamp'
] as const

export interface WordingOptions {
  vagueWords: readonly string[]
  broadVerbs: readonly string[]
  /** The most words after a broad verb that still make the task vague. */
  broadObjectWords: number
  areaNouns: readonly string[]
  placeholderTasks: readonly string[]
}

export interface PrescriptiveOptions {
  fileExtensions: readonly string[]
  tuningKeys: readonly string[]
  typeNames: readonly string[]
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `\b(?:a|b|c)\b`, case-insensitive, from a word list. */
function wordPattern(words: readonly string[]): RegExp | null {
  const usable = words.map((w) => w.trim()).filter(Boolean)
  if (usable.length === 0) return null
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'iu')
}

const cache = new Map<string, RegExp | null>()
function cached(words: readonly string[]): RegExp | null {
  const key = words.join('\u0000')
  if (!cache.has(key)) cache.set(key, wordPattern(words))
  return cache.get(key) ?? null
}

/** Markdown markers that do not change what a task says. */
function plain(text: string): string {
  return text
    .replace(/[*_]{1,2}/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Why a task or title is too vague to act on, or null. The reason names the
 * word or shape that makes it vague.
 */
export function vagueReason(text: string, options: WordingOptions): string | null {
  return vagueMatcher(options)(text)
}

const vagueMatcher = memoByOptions((options: WordingOptions) => (text: string) => vagueReasonOf(text, options))

function vagueReasonOf(text: string, options: WordingOptions): string | null {
  const task = plain(text).replace(/[.!]+$/, '')
  if (task === '') return null
  const lower = task.toLowerCase()
  if (options.placeholderTasks.includes(lower)) return `placeholder \`${task}\``
  // Backticks, digits or paths mean the task names something specific.
  if (/[`\d/]/.test(task)) return null
  const word = cached(options.vagueWords)?.exec(task)
  if (word) return `\`${word[0]}\``
  if (/^make\b.*\bwork$/i.test(task)) return '`make … work`'
  if (task.includes(':')) return null
  for (const verb of options.broadVerbs) {
    const v = verb.toLowerCase()
    if (lower === v) return `\`${task}\``
    if (!lower.startsWith(`${v} `)) continue
    const object = lower
      .slice(v.length + 1)
      .split(' ')
      .filter(Boolean)
    const last = object[object.length - 1] ?? ''
    const area = options.areaNouns.includes(last) || (/[^su]s$/.test(last) && last.length > 3)
    if (object.length <= options.broadObjectWords && area) return `\`${verb}\` with only \`${object.join(' ')}\``
  }
  return null
}

/** The HOW a sub-task prescribes, or null: a file path, a line number, a tuning value, a typed field list, an enum dump. */
export function prescriptiveReason(text: string, options: PrescriptiveOptions): string | null {
  return prescriptiveMatcher(options)(text)
}

const prescriptiveMatcher = memoByOptions((options: PrescriptiveOptions) => {
  const extensions = new Set(options.fileExtensions.map((e) => e.toLowerCase()))
  const keys = options.tuningKeys.map(escape).join('|')
  const tuning = keys ? new RegExp(`(?<![\\w])(?:${keys})\\s*(?:[:=]|of|to|at)?\\s*\\d[\\d.]*`, 'i') : null
  const types = options.typeNames.map(escape).join('|')
  // `slide_number (int)`, `tags (list[str], optional)`: the parentheses hold a type and nothing else.
  const typed = types
    ? new RegExp(`\\b[A-Za-z_]\\w*\\s*\\(\\s*(?:${types})(?:\\[[^\\]]{0,30}\\])?\\s*(?:,\\s*(?:optional|required|nullable)\\s*)?\\)`, 'i')
    : null
  return (text: string) => prescriptiveReasonOf(text, extensions, tuning, typed)
})

function prescriptiveReasonOf(text: string, extensions: ReadonlySet<string>, tuningPattern: RegExp | null, typedPattern: RegExp | null): string | null {
  const isFile = (token: string, backticked: boolean): boolean => {
    const t = token.replace(/^[("'[]+|[)"',.;:\]]+$/g, '')
    const dot = t.lastIndexOf('.')
    if (dot <= 0 || dot === t.length - 1) return false
    if (!extensions.has(t.slice(dot + 1).toLowerCase())) return false
    const name = t.slice(0, dot)
    if (!/^[\w@./-]+$/.test(name) || /^\.|\/\//.test(name)) return false
    // `Next.js`, `next.js`: product names, not files, unless written as code, with a folder or snake_case.
    if (backticked || t.includes('/')) return true
    if (/^(?:js|mjs|cjs)$/i.test(t.slice(dot + 1))) return name.includes('_')
    return /^[a-z_]/.test(t)
  }

  const codeSpans = text.match(/`[^`]*`/g) ?? []
  for (const span of codeSpans) {
    for (const token of span.slice(1, -1).split(/\s+/)) {
      if (isFile(token, true)) return `file path \`${token}\``
    }
  }
  const outside = text.replace(/`[^`]*`/g, ' ')
  for (const token of outside.split(/\s+/)) {
    if (token && isFile(token, false)) return `file path \`${token.replace(/[),.;:]+$/, '')}\``
  }

  // `at line 45`, `main.py:45`; not `address line 2`.
  const line = /\b(?:at|on|in|near|after|before|around)\s+lines?\s+\d+/i.exec(text) ?? /\.[A-Za-z]{1,6}:\d+\b/.exec(text)
  if (line) return `line number \`${line[0].replace(/^\./, '')}\``

  const tuning = tuningPattern?.exec(text)
  if (tuning) return `tuning value \`${tuning[0]}\``
  const tokens = /\b\d+\s*tokens\s+max\b|\bmax(?:imum)?\s+(?:of\s+)?\d+\s*tokens\b|\b\d{3,}\s*(?:output\s+)?tokens\b/i.exec(text)
  if (tokens) return `tuning value \`${tokens[0]}\``

  const typed = typedPattern?.exec(text)
  if (typed) return `typed field \`${typed[0]}\``

  const dump = /\b(?:values|members|variants)\s*:\s*[A-Z][A-Z0-9_]+\b/.exec(text)
  if (dump) return `enum members \`${dump[0]}\``
  let run = 0
  for (const part of text.split(',')) {
    const token = part.trim().replace(/[.…]+$/, '')
    run = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$|^[A-Z]{3,}$/.test(token) ? run + 1 : 0
    if (run >= 3) return 'enum members'
  }
  return null
}
