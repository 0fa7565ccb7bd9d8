import {defineRule, noOptions} from '../src/rule.js'
import {isPlaceholder} from '../src/model/vocabulary.js'

const streams = (rows: string) => `# T\n\n## Execution Plan\n\n### Work Streams\n\n| Stream | Responsibility | Owns | Skills |\n|---|---|---|---|\n${rows}\n`

export default defineRule({
  id: 'owns-paths',
  summary: 'Each part of an Owns cell is a path or a glob',
  description:
    'An Owns cell is split at `,` and `;` (outside backticks, braces and brackets: `src/{api,models}/*.py` is one glob). Fires on each part that is neither a path nor a glob: prose such as `PWA/manifest`, `agent service → see Architecture`, or a backticked path with words around it (`` `config/` settings ``). A template placeholder is left to `no-placeholders`.',
  rationale:
    'Ownership is checked path by path: a part written as prose cannot be compared, so two streams can silently own the same files and a chunk can cross into another stream unnoticed.',
  category: 'plan',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    for (const stream of spec.plan?.workStreams?.streams ?? []) {
      for (const part of stream.ownsProse) {
        if (isPlaceholder(part.pattern)) continue
        ctx.report(
          `Unexpected \`${part.pattern.replace(/`/g, '')}\` in the Owns of stream \`${stream.name}\`, expected a path or glob (\`src/api/\`, \`src/**/*.ts\`) so that ownership can be checked`,
          part.position
        )
      }
    }
  },
  examples: {
    valid: [
      {name: 'paths, folders and globs', input: streams('| api | Endpoints | `src/api/`, src/middleware/, `src/**/*.py` | backend-api |')},
      {name: 'a brace glob is one pattern', input: streams('| data | Models | src/{api,models}/*.py; `docs/` | backend-api |')},
      {name: 'a backticked folder with spaces', input: streams('| web | Site | `Next Gen Gym/app/` | frontend |')}
    ],
    invalid: [
      {
        name: 'a feature named like a path',
        input: streams('| web | Site | `app/`, PWA/manifest | frontend |'),
        messages: [
          '9:24-9:36: Unexpected `PWA/manifest` in the Owns of stream `web`, expected a path or glob (`src/api/`, `src/**/*.ts`) so that ownership can be checked'
        ]
      },
      {
        name: 'a pointer instead of paths',
        input: streams('| agent | Drafting | agent service → see Architecture | backend-api |'),
        messages: [
          '9:22-9:54: Unexpected `agent service → see Architecture` in the Owns of stream `agent`, expected a path or glob (`src/api/`, `src/**/*.ts`) so that ownership can be checked'
        ]
      },
      {
        name: 'a path with words around it',
        input: streams('| ops | Deploys | `infra/` config | backend-api |'),
        messages: [
          '9:19-9:34: Unexpected `infra/ config` in the Owns of stream `ops`, expected a path or glob (`src/api/`, `src/**/*.ts`) so that ownership can be checked'
        ]
      }
    ]
  }
})
