import type {SpecRulePlugin} from '../src/rule.js'
import architectureSection from './architecture-section.js'
import noPlaceholders from './no-placeholders.js'
import overviewLength from './overview-length.js'
import noProgressInSpec from './no-progress-in-spec.js'
import specLocation from './spec-location.js'
import skillsListed from './skills-listed.js'
import requirementsListed from './requirements-listed.js'
import referenceFiles from './reference-files.js'
import referenceFilesExist from './reference-files-exist.js'
import acceptanceCriteria from './acceptance-criteria.js'
import acceptanceVerifiable from './acceptance-verifiable.js'
import completionPromiseUnique from './completion-promise-unique.js'
import agentRouting from './agent-routing.js'
import completionPromise from './completion-promise.js'
import executionPlanStructure from './execution-plan-structure.js'
import workStreamsTable from './work-streams-table.js'
import streamOwnershipConflict from './stream-ownership-conflict.js'
import chunkTable from './chunk-table.js'
import chunkDetailsMatch from './chunk-details-match.js'
import chunkTitleConsistent from './chunk-title-consistent.js'
import chunkFields from './chunk-fields.js'
import chunkStreamDefined from './chunk-stream-defined.js'
import dependsOnResolves from './depends-on-resolves.js'
import noForwardDependency from './no-forward-dependency.js'
import noDependencyCycles from './no-dependency-cycles.js'
import communicationTable from './communication-table.js'
import chunkCount from './chunk-count.js'
import subtaskVague from './subtask-vague.js'
import subtaskPrescriptive from './subtask-prescriptive.js'
import issueIds from './issue-ids.js'
import ownsPaths from './owns-paths.js'
import chunkCheckbox from './chunk-checkbox.js'
import ownershipCrossing from './ownership-crossing.js'
import statusConsistency from './status-consistency.js'
import discoveryCoverage from './discovery-coverage.js'
import requirementCovered from './requirement-covered.js'
import requirementVerified from './requirement-verified.js'
import chunkTraced from './chunk-traced.js'
import requirementsMeasurable from './requirements-measurable.js'
import requirementsDuplicate from './requirements-duplicate.js'
import metaCreated from './meta-created.js'
import metaRepo from './meta-repo.js'
import metaStatus from './meta-status.js'
import metaTable from './meta-table.js'
import metaType from './meta-type.js'
import noDuplicateSections from './no-duplicate-sections.js'
import requiredSections from './required-sections.js'
import sectionOrder from './section-order.js'
import specTitle from './spec-title.js'

/** Every rule, in catalogue order. Ids are public interface. */
export const rules: SpecRulePlugin[] = [
  specTitle,
  requiredSections,
  sectionOrder,
  noDuplicateSections,
  architectureSection,
  noPlaceholders,
  overviewLength,
  noProgressInSpec,
  specLocation,
  metaTable,
  metaType,
  metaStatus,
  metaCreated,
  metaRepo,
  skillsListed,
  requirementsListed,
  referenceFiles,
  referenceFilesExist,
  executionPlanStructure,
  workStreamsTable,
  streamOwnershipConflict,
  chunkTable,
  chunkDetailsMatch,
  chunkTitleConsistent,
  chunkFields,
  chunkStreamDefined,
  dependsOnResolves,
  noForwardDependency,
  noDependencyCycles,
  communicationTable,
  chunkCount,
  subtaskVague,
  subtaskPrescriptive,
  issueIds,
  ownsPaths,
  chunkCheckbox,
  ownershipCrossing,
  statusConsistency,
  acceptanceCriteria,
  acceptanceVerifiable,
  completionPromise,
  completionPromiseUnique,
  agentRouting,
  requirementCovered,
  requirementVerified,
  chunkTraced,
  requirementsMeasurable,
  requirementsDuplicate,
  discoveryCoverage
]

export const rulesById: ReadonlyMap<string, SpecRulePlugin> = new Map(rules.map((plugin) => [plugin.rule.id, plugin]))
