/**
 * The layers DESIGN.md draws, enforced: imports only point down, no cycles,
 * no rule imports another rule, no entry point imports another.
 *
 *   entry points  src/cli  src/lsp  src/action  (src/docs, src/index.ts)
 *   report        src/report
 *   engine        src/engine, presets
 *   rules         rules, src/rule.ts, src/rule/
 *   features      src/init, src/plan, src/edit, src/format, src/discovery
 *   analysis      src/analysis
 *   parse         src/parse
 *   model         src/model (with the format's vocabulary)
 */
const entry = '^src/(cli|lsp|action)/'
const above = (...layers) => `^(${layers.join('|')})`

module.exports = {
  forbidden: [
    {name: 'no-circular', severity: 'error', comment: 'A cycle hides which module owns what', from: {}, to: {circular: true}},
    {
      name: 'model-is-the-base',
      severity: 'error',
      comment: 'The model and the vocabulary depend on nothing of spec-lint above them',
      from: {path: '^src/model/'},
      to: {path: above('src/(parse|analysis|engine|report|cli|lsp|action|init|plan|edit|format|discovery|docs)/', 'src/rule(\\.ts|/)', 'rules/', 'presets/')}
    },
    {
      name: 'parse-below-features',
      severity: 'error',
      from: {path: '^src/parse/'},
      to: {path: above('src/(analysis|engine|report|cli|lsp|action|init|plan|edit|format|discovery|docs)/', 'src/rule(\\.ts|/)', 'rules/', 'presets/')}
    },
    {
      name: 'analysis-below-rules',
      severity: 'error',
      from: {path: '^src/analysis/'},
      to: {path: above('src/(engine|report|cli|lsp|action|init|plan|edit|format|discovery|docs)/', 'src/rule(\\.ts|/)', 'rules/', 'presets/')}
    },
    {
      name: 'features-below-rules',
      severity: 'error',
      comment: 'Printers, edits, plan and init are used by rules and entry points, never the other way',
      from: {path: '^src/(init|plan|edit|format|discovery)/'},
      to: {path: above('src/(engine|report|cli|lsp|action|docs)/', 'src/rule(\\.ts|/)', 'rules/', 'presets/')}
    },
    {
      name: 'rules-do-not-import-rules',
      severity: 'error',
      comment: 'Shared logic lives in src/analysis or src/model',
      from: {path: '^rules/', pathNot: '^rules/index\\.ts$'},
      to: {path: '^rules/'}
    },
    {
      name: 'rules-below-engine',
      severity: 'error',
      from: {path: above('rules/', 'src/rule(\\.ts|/)')},
      to: {path: above('src/(engine|report|cli|lsp|action|init|docs)/', 'presets/')}
    },
    {
      name: 'engine-below-report',
      severity: 'error',
      from: {path: above('src/engine/', 'presets/')},
      to: {path: '^src/(report|cli|lsp|action|docs)/'}
    },
    {name: 'report-below-entry-points', severity: 'error', from: {path: '^src/report/'}, to: {path: '^src/(cli|lsp|action|docs)/'}},
    {
      name: 'entry-points-are-independent',
      severity: 'error',
      comment: 'cli, lsp and action share code through the layers below, never through each other',
      from: {path: entry},
      to: {path: entry, pathNot: '^src/$1/'}
    },
    {
      name: 'nothing-imports-the-api',
      severity: 'error',
      comment: 'src/index.ts is the public API, for users only',
      from: {pathNot: '^test/'},
      to: {path: '^src/index\\.ts$'}
    },
    {name: 'no-tests-in-src', severity: 'error', from: {path: above('src/', 'rules/', 'presets/')}, to: {path: '^(test|bench)/'}}
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(dist|node_modules|bench/\\.build)/'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'}
  }
}
