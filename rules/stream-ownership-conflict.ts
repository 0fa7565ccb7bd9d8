import {defineRule, noOptions} from '../src/rule.js'
import {streamOwnership} from '../src/analysis/stream-ownership.js'
import {where} from '../src/model/plan-queries.js'

const streams = (rows: string) => `# T\n\n## Execution Plan\n\n### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n${rows}\n`

export default defineRule({
  id: 'stream-ownership-conflict',
  summary: 'No two work streams own the same or overlapping paths',
  description:
    'Fires when two streams own the same path, a folder and a path inside it (`src/` and `src/api/auth.ts`), or globs that can match a common file (`src/**/*.ts` and `src/api/`). The message names both streams and both paths, and where the other one is written.',
  rationale:
    'Streams run in parallel as separate agents; ownership is what keeps them from editing the same file at once. An overlap is a merge conflict waiting to happen.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const {conflicts} = streamOwnership(spec)
    for (const [first, second] of conflicts) {
      const a = first.owner
      const b = second.owner
      const same = a.path.pattern.replace(/\/+$/, '') === b.path.pattern.replace(/\/+$/, '')
      ctx.report(
        same
          ? `Unexpected \`${b.path.pattern}\` owned by stream \`${b.stream.name}\` and by stream \`${a.stream.name}\` (${where(a.path.position)}), expected one owner per path`
          : `Unexpected overlap of \`${b.path.pattern}\` (stream \`${b.stream.name}\`) with \`${a.path.pattern}\` (stream \`${a.stream.name}\`, ${where(a.path.position)}), expected each file owned by one stream`,
        b.path.position,
        {related: [{reason: `\`${a.path.pattern}\` owned by stream \`${a.stream.name}\``, place: a.path.position}]}
      )
    }
  },
  examples: {
    valid: [
      {input: streams('| data | Models | src/models/, src/auth/utils.py | backend-api |\n| api | Endpoints | src/api/auth/, src/middleware/ | backend-api |')},
      {
        name: 'globs that cannot match a common file',
        input: streams('| api | Code | src/**/*.py | backend-api |\n| web | UI | src/**/*.tsx, app/ | frontend |')
      },
      {name: 'similar names are not nested', input: streams('| a | A | src/api | backend-api |\n| b | B | src/api-client/ | backend-api |')},
      {
        name: 'template placeholders are not globs',
        input: streams('| a | A | [files and folders this stream owns] | backend-api |\n| b | B | [agent files and folders] | backend-api |')
      }
    ],
    invalid: [
      {
        name: 'the same path',
        input: streams('| data | Models | src/models/ | backend-api |\n| api | Endpoints | src/models/ | backend-api |'),
        messages: ['10:21-10:32: Unexpected `src/models/` owned by stream `api` and by stream `data` (9:19), expected one owner per path']
      },
      {
        name: 'a folder and a file inside it',
        input: streams('| data | Models | src/ | backend-api |\n| api | Endpoints | src/api/auth.ts | backend-api |'),
        messages: [
          '10:21-10:36: Unexpected overlap of `src/api/auth.ts` (stream `api`) with `src/` (stream `data`, 9:19), expected each file owned by one stream'
        ]
      },
      {
        name: 'a glob and a folder',
        input: streams('| data | Models | src/**/*.ts | backend-api |\n| api | Endpoints | src/api/ | backend-api |'),
        messages: [
          '10:21-10:29: Unexpected overlap of `src/api/` (stream `api`) with `src/**/*.ts` (stream `data`, 9:19), expected each file owned by one stream'
        ]
      },
      {
        name: 'a brace glob written bare stays one pattern',
        input: streams('| data | Models | src/{api,models}/*.py | backend-api |\n| api | Endpoints | src/api/routes.py | backend-api |'),
        messages: [
          '10:21-10:38: Unexpected overlap of `src/api/routes.py` (stream `api`) with `src/{api,models}/*.py` (stream `data`, 9:19), expected each file owned by one stream'
        ]
      },
      {
        name: 'two globs',
        input: streams('| data | Models | src/*/models.ts | backend-api |\n| api | Endpoints | `src/{api,models}/*.ts` | backend-api |'),
        messages: [
          '10:21-10:44: Unexpected overlap of `src/{api,models}/*.ts` (stream `api`) with `src/*/models.ts` (stream `data`, 9:19), expected each file owned by one stream'
        ]
      }
    ]
  }
})
