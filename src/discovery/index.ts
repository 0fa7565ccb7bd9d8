/**
 * The one discovery-document reader: `init` builds a spec from it and
 * `discovery-coverage` traces a spec back to it.
 */
export {readDiscovery, routeLines, successStatement} from './read.js'
export {isPathLike} from './references.js'
export {classifyHeading, classifySubheading, discoveryTitle, headingKey} from './sections.js'
export {emptyDiscovery, hasContent} from './types.js'
export type {Decision, Discovery, DiscoveryItem, DiscoveryQuestion, DiscoveryReference, DiscoverySection, RequirementGroup} from './types.js'
export {locateDiscovery} from './locate.js'
export type {DiscoveryLookup, DiscoverySource} from './locate.js'
export {affirmedStems, covers, keyTerms, matched, samePath, stem, stemsOf, words} from './terms.js'
