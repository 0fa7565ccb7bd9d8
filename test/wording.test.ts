import {describe, expect, it} from 'vitest'
import {
  areaNouns,
  broadVerbs,
  fileExtensions,
  placeholderTasks,
  prescriptiveReason,
  tuningKeys,
  typeNames,
  vagueReason,
  vagueWords
} from '../src/analysis/wording.js'
import {ownershipConflicts} from '../src/analysis/ownership.js'

const vague = {vagueWords, broadVerbs, broadObjectWords: 2, areaNouns, placeholderTasks}
const prescriptive = {fileExtensions, tuningKeys, typeNames}

/** The catalogue's lists for `subtask-vague` and `subtask-prescriptive` (../shared/RULES.md). */
const mustBeVague = [
  'Build carousel agents',
  'Add API stuff',
  'Make frontend work',
  'Handle everything',
  'Misc fixes',
  'Do the backend',
  'Various improvements',
  'TBD'
]
const good = [
  'Create Pydantic models for carousel JSON output',
  'Follow existing initial_draft agent patterns',
  'Add API endpoint for carousel draft',
  'Use prompt-engineering skill for prompts'
]
const mustBePrescriptive = [
  'Create `src/app/schemas/carousel_content.py` with `SlideType` enum',
  'Add `POST /agents/carousel/draft` in main.py at line 45',
  'in main.py at line 45',
  'Call the model with temperature 0.7',
  '500 tokens max',
  'Define `SlideContent` Pydantic model with fields: slide_number (int)...',
  'Define `SlideType` enum with values: COVER, STANDARD_CONTENT...',
  'Create `agents/carousel/draft/__init__.py`',
  'Create `planning.py` with `PlanningOutput` model, temperature 0.7'
]
/** Every sub-task and chunk title of the canonical JWT example. */
const jwtExample = [
  'User model + token model',
  'Auth utilities',
  'Login and register endpoints',
  'Token refresh endpoint',
  'Auth middleware and rate limiting',
  'Create User model with bcrypt password hashing',
  'Create RefreshToken model for revocation tracking',
  'Follow existing model patterns in the repo',
  'JWT encode/decode with RS256',
  'Password hashing and verification helpers',
  'POST /auth/login and POST /auth/register',
  'Return access + refresh token pair on success',
  'Follow existing API patterns in the repo',
  'POST /auth/refresh with single-use rotation',
  'Store refresh tokens in database for revocation tracking',
  'Auth middleware extracts user from token via FastAPI dependency injection',
  'Rate limiting: 5 failed attempts per minute per IP',
  'Follow existing middleware patterns'
]

describe('subtask wording', () => {
  it.each(mustBeVague)('vague: %s', (task) => expect(vagueReason(task, vague)).not.toBeNull())
  it.each(['Handle errors', 'Build API endpoints', 'Do everything else'])('also vague: %s', (task) => expect(vagueReason(task, vague)).not.toBeNull())
  it.each([
    ...good,
    ...jwtExample,
    'Add API endpoint',
    'Implement refresh endpoint',
    'Build pricing page',
    'Build login form',
    'Reject anything over 10 MB',
    'Make the retry count configurable'
  ])('not vague: %s', (task) => expect(vagueReason(task, vague)).toBeNull())
  it.each(mustBePrescriptive)('prescriptive: %s', (task) => expect(prescriptiveReason(task, prescriptive)).not.toBeNull())
  it.each([
    ...good,
    ...jwtExample,
    'Use `prompt-creator` subagent and `prompt-engineering` skill for prompts',
    'Set up the Next.js app',
    'Set up next.js',
    'An export of 100,000 invoices finishes within 5 minutes',
    'Show address line 2 on the invoice',
    'Seed 5 demo users',
    'Export the list (text and JSON)',
    'Issue 2 tokens per login',
    'Sort by date (newest first)'
  ])('not prescriptive: %s', (task) => expect(prescriptiveReason(task, prescriptive)).toBeNull())

  it('takes its word lists from options', () => {
    expect(vagueReason('Polish the UI', {...vague, vagueWords: ['polish']})).toBe('`Polish`')
    expect(vagueReason('Add API stuff', {...vague, vagueWords: []})).toBeNull()
    expect(prescriptiveReason('Edit `schema.prisma`', {...prescriptive, fileExtensions: ['py']})).toBeNull()
  })

  it('stays linear on long hostile input', () => {
    // Would take ages with a backtracking pattern; a plain regex engine returns at once.
    const long = `${'a'.repeat(50_000)} ${'temperature '.repeat(5_000)}x ${'(int '.repeat(5_000)}`
    expect(vagueReason(long, vague)).toBeNull()
    expect(prescriptiveReason(long, prescriptive)).toBeNull()
  })
})

describe('ownership conflicts', () => {
  const pairs = (patterns: Array<[string, string]>) =>
    ownershipConflicts(patterns.map(([owner, pattern]) => ({owner, pattern}))).map(([a, b]) => `${a.pattern} ~ ${b.pattern}`)

  it.each([
    ['src/models/', 'src/models/'],
    ['src/', 'src/api/auth.ts'],
    ['src/**/*.ts', 'src/api/'],
    ['src/*/models.ts', 'src/{api,models}/*.ts'],
    ['**/*.test.ts', 'src/api/'],
    ['src/*.ts', 'src/**/*.test.ts'],
    ['src/auth/utils.py', 'src/auth/'],
    ['./src/api', 'src/api/auth/']
  ])('overlap: %s and %s', (a, b) =>
    expect(
      pairs([
        ['x', a],
        ['y', b]
      ])
    ).toEqual([`${a} ~ ${b}`])
  )

  it.each([
    ['src/**/*.py', 'src/**/*.tsx'],
    ['src/api', 'src/api-client/'],
    ['src/**', 'lib/x.ts'],
    ['src/**/*.ts', 'src/api/auth.py'],
    ['src/api/*.ts', 'src/**/models/*.ts'],
    ['src/models/', 'src/auth/utils.py']
  ])('no overlap: %s and %s', (a, b) =>
    expect(
      pairs([
        ['x', a],
        ['y', b]
      ])
    ).toEqual([])
  )

  it('ignores overlaps within one owner and reports each pair once, in input order', () => {
    expect(
      pairs([
        ['data', 'src/'],
        ['data', 'src/models/'],
        ['api', 'src/api/'],
        ['web', 'app/'],
        ['api', 'src-legacy/'],
        ['web', 'src/api/routes.ts']
      ])
    ).toEqual(['src/ ~ src/api/', 'src/ ~ src/api/routes.ts', 'src/api/ ~ src/api/routes.ts'])
  })

  it('compares only nested bases among many disjoint paths', () => {
    const many = Array.from({length: 20_000}, (_, i) => ({owner: i % 7, pattern: `src/mod${i}/`}))
    many.push({owner: 99, pattern: 'src/mod123/deep/file.ts'})
    expect(ownershipConflicts(many).map(([a, b]) => [a.pattern, b.pattern])).toEqual([['src/mod123/', 'src/mod123/deep/file.ts']])
  })
})
