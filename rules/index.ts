import type {SpecRulePlugin} from '../src/rule.js'
import completionPromise from './completion-promise.js'
import discoveryCoverage from './discovery-coverage.js'
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
  metaTable,
  metaType,
  metaStatus,
  metaCreated,
  metaRepo,
  completionPromise,
  discoveryCoverage
]

export const rulesById: ReadonlyMap<string, SpecRulePlugin> = new Map(rules.map((plugin) => [plugin.rule.id, plugin]))
