import type {Chunk, Position, SpecModel, Stream} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {streamOwnership} from '../src/analysis/stream-ownership.js'
import {chunkLabel, declaredStreams, where} from '../src/model/plan-queries.js'
import {rangeAt} from '../src/model/positions.js'
import {memoText} from '../src/model/memo.js'

const spec = (plan: string) =>
  `# T\n\n## Execution Plan\n\n### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n| data | Models | \`src/models/\` | backend-api |\n| api | Endpoints | \`src/api/\`, \`src/middleware/auth.py\` | backend-api |\n\n### Phase 1: Build\n\n${plan}`

/** A path written in backticks, or bare with a folder and an extension (`src/api/routes.py`). */
const codePath = /`([^`\s]*[/.][^`\s]*)`/g
/** A bare token: a run without spaces, backticks or brackets. */
const token = /[^\s`()<>"',;]+/g

/** A bare token that is a path: a folder and an extension (`src/api/routes.py`), or two folders (`src/api/`). */
function isBarePath(value: string): boolean {
  if (!value.includes('/') || /[^\w./-]/.test(value)) return false
  const segments = value.split('/')
  const last = segments[segments.length - 1] ?? ''
  return last === '' ? segments.length > 2 : /\.[A-Za-z0-9]{1,6}$/.test(last)
}

/** Words that only read another stream's file (`Follow the patterns in …`, `see …`), not change it. */
const readingCue =
  /\b(?:follow(?:ing|s)?|see|like|mirror(?:ing|s)?|based on|read(?:s|ing)?|reus(?:e|es|ing)|cop(?:y|ies|ying) (?:the )?(?:shape|pattern)|patterns?|similar to|as in|consistent with|imports?|importing|uses?|using|calls?|calling|reference)\b/i

interface Named {
  path: string
  position: Position
}

/** Every literal path in a span of the source, with its place. */
function pathsIn(source: string, position: Position): Named[] {
  return pathsInText(source.slice(position.start.offset, position.end.offset)).map(({path, index, length}) => {
    const start = position.start.offset + index
    return {path, position: rangeAt(source, start, start + length)}
  })
}

/** Every literal path in a text, by offset in it (sub-tasks rarely change between runs: each is read once). */
const pathsInText = memoText((text: string): Array<{path: string; index: number; length: number}> => {
  const out: Array<{path: string; index: number; length: number}> = []
  const add = (path: string, index: number, length: number) => {
    if (/^[a-z]+:\/\//i.test(path) || /[*?{}[\]]/.test(path) || path.startsWith('/')) return
    // Only what is changed crosses: a path after a reading cue in its sentence is a reference.
    const sentence = text.slice(Math.max(0, text.lastIndexOf('.', index - 2) + 1, text.lastIndexOf('\n', index) + 1), index)
    if (readingCue.test(sentence)) return
    out.push({path: path.replace(/^\.\//, ''), index, length})
  }
  for (const match of text.matchAll(codePath)) add(match[1] ?? '', match.index ?? 0, match[0].length)
  const withoutCode = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length))
  for (const match of withoutCode.matchAll(token)) {
    // A sentence's full stop or colon is not part of the path.
    let end = match[0].length
    while (end > 0 && (match[0][end - 1] === '.' || match[0][end - 1] === ':')) end--
    const value = match[0].slice(0, end)
    if (isBarePath(value)) add(value, match.index ?? 0, value.length)
  }
  return out
})

/** The outcome and sub-tasks of a chunk, where it says what it changes. */
function spans(chunk: Chunk): Position[] {
  const out: Position[] = []
  const outcome = chunk.detail?.outcome?.position ?? chunk.row?.cells.outcome?.position
  if (outcome) out.push(outcome)
  for (const subtask of chunk.detail?.subtasks ?? []) out.push(subtask.position)
  return out
}

function streamOf(spec: SpecModel, chunk: Chunk): Stream | undefined {
  const name = chunk.stream?.trim().toLowerCase()
  return name ? declaredStreams(spec).find((stream) => stream.name.trim().toLowerCase() === name) : undefined
}

export default defineRule({
  id: 'ownership-crossing',
  summary: 'A chunk changes only files its own stream owns',
  description:
    "Fires on a path named literally (in backticks, or bare with a folder and an extension) in a chunk's outcome or sub-tasks that a stream other than the chunk's own owns, and the chunk's stream does not. A path after a reading cue in its sentence (`Follow the patterns in …`, `see …`, `uses …`) is a reference, not a change, and is left alone; so are globs, routes and URLs.",
  rationale:
    "In team mode each stream's agent may only touch what its stream owns: a chunk that edits another stream's file either breaks that rule or collides with the other agent's work.",
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const ownership = streamOwnership(spec)
    if (ownership.items.length === 0) return
    for (const chunk of spec.chunks) {
      const own = streamOf(spec, chunk)
      if (!own) continue
      for (const span of spans(chunk)) {
        for (const named of pathsIn(ctx.source, span)) {
          const owners = ownership.ownersOf(named.path)
          if (owners.length === 0 || owners.some((owner) => owner.stream === own || owner.stream.name === own.name)) continue
          const other = owners[0]
          if (!other) continue
          ctx.report(
            `Unexpected \`${named.path}\` in chunk \`${chunkLabel(chunk)}\` of stream \`${own.name}\`, expected only paths stream \`${own.name}\` owns (\`${other.path.pattern}\` is owned by stream \`${other.stream.name}\`, ${where(other.path.position)})`,
            named.position
          )
        }
      }
    }
  },
  examples: {
    valid: [
      {
        name: "paths of its own stream, and another stream's file only read",
        input: spec(
          '- [ ] **Models**\n\n  Outcome: `src/models/user.py` holds the User table.\n  Stream: data\n\n  - Add `src/models/token.py`\n  - Follow the session handling in `src/middleware/auth.py`\n'
        )
      },
      {
        name: 'no work streams: nothing to cross',
        input:
          '# T\n\n## Execution Plan\n\n### Phase 1: Build\n\n- [ ] **Models**\n\n  Outcome: Tables exist.\n\n  - Register the model in `src/api/routes.py`\n'
      }
    ],
    invalid: [
      {
        name: "the outcome names a file inside another stream's folder",
        input: spec('- [ ] **Login**\n\n  Outcome: `src/models/session.py` stores sessions.\n  Stream: api\n\n  - Add the login route\n'),
        messages: [
          '16:12-16:35: Unexpected `src/models/session.py` in chunk `Login` of stream `api`, expected only paths stream `api` owns (`src/models/` is owned by stream `data`, 9:19)'
        ]
      },
      {
        name: 'a bare path, not in backticks',
        input: spec('- [ ] **Login**\n\n  Outcome: Users sign in.\n  Stream: data\n\n  - Add the check to src/middleware/auth.py\n'),
        messages: [
          '19:22-19:44: Unexpected `src/middleware/auth.py` in chunk `Login` of stream `data`, expected only paths stream `data` owns (`src/middleware/auth.py` is owned by stream `api`, 10:33)'
        ]
      },
      {
        name: 'a sub-task edits a file another stream owns',
        input: spec('- [ ] **Models**\n\n  Outcome: Tables exist.\n  Stream: data\n\n  - Add the user table\n  - Register the model in `src/api/routes.py`\n'),
        messages: [
          '20:27-20:46: Unexpected `src/api/routes.py` in chunk `Models` of stream `data`, expected only paths stream `data` owns (`src/api/` is owned by stream `api`, 10:21)'
        ]
      }
    ]
  }
})
