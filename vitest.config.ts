import {defineConfig} from 'vitest/config'

/**
 * Two layers: `unit` (npm test: rules, model, formatter, commands in
 * process and a few spawned runs) and `integration` (npm run
 * test:integration: real pre-commit in a temporary repository, the Action
 * with a simulated runner, hostile inputs and fault injection through the
 * built CLI, property runs over the whole CLI). `.ci/run` runs both.
 */
export const integration = [
  'test/integration/**/*.test.ts',
  'test/pre-commit.test.ts',
  'test/action.test.ts',
  'test/action-bundle.test.ts',
  'test/ci-flows.test.ts',
  'test/readme-snippets.test.ts',
  'test/cli-fix-format.test.ts',
  'test/robustness/hostile.test.ts',
  'test/robustness/faults.test.ts',
  'test/robustness/properties.test.ts',
  'test/safety.test.ts',
  'test/robustness/superlinear.test.ts',
  'test/pool.test.ts'
]

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {extends: true, test: {name: 'unit', include: ['test/**/*.test.ts'], exclude: integration}},
      {extends: true, test: {name: 'integration', include: integration}}
    ]
  }
})
