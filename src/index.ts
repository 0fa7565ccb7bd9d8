/**
 * spec-lint's public API: the model (schema, types, JSON Schema, builder),
 * the rule framework and registry, the presets, and in-memory linting.
 */
export * from './model/index.js'
export {defineRule, parseRuleConfig, RuleConfigError, noOptions, docsBase, relatedOf, runCrossFile, runFilesOf} from './rule.js'
export type {Level, Category, RuleContext, RuleDefinition, RuleExample, ReportExtra, RelatedPlace, RunContext, RunFile, SpecRulePlugin} from './rule.js'
export {rules, rulesById} from '../rules/index.js'
export {default as recommended} from '../presets/recommended.js'
export {default as strict} from '../presets/strict.js'
export {lint} from './engine/lint.js'
export type {LintOptions} from './engine/lint.js'
export {markdownProcessor, parseMarkdown, parseSpec, specProcessor} from './parse/index.js'
export type {ParsedDocument, ParsedSpec, ParseOptions} from './parse/index.js'
export {applyEdits, editOf, editsOf, fixDocuments, fixText, maxPasses} from './edit/apply.js'
export type {Edit, FixResult, Fixing} from './edit/apply.js'
export {editSpec, EditRefused, findChunk, findCriterion} from './edit/spec-edits.js'
export type {SpecEdit, SpecEditResult} from './edit/spec-edits.js'
export {checkedEdit, LintRefused, newFindings} from './edit/checked-edit.js'
export type {CheckedEditResult, LintText} from './edit/checked-edit.js'
export {chunkIndex, chunkNames} from './model/chunk-refs.js'
export {checkboxProgress, statusContradicts} from './model/progress.js'
export {nextDocument, nextDocumentSchema, briefSchema, renderBrief, renderNext} from './plan/brief.js'
export {linearDocument, linearDocumentSchema} from './plan/linear.js'
