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
  // Execution plan rules go here, in catalogue order.
  acceptanceCriteria,
  acceptanceVerifiable,
  completionPromise,
  completionPromiseUnique,
  agentRouting
]

export const rulesById: ReadonlyMap<string, SpecRulePlugin> = new Map(rules.map((plugin) => [plugin.rule.id, plugin]))
