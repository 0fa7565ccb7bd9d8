import type {DiscoverySection} from './types.js'

/** Heading text without numbering, a parenthesised remark or a trailing colon, lower case. */
export function headingKey(text: string): string {
  let key = text.replace(/\s+/g, ' ').trim()
  key = key.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
  // A trailing `(with rationale)`: cut at the last `(` when the text ends with `)`.
  if (key.endsWith(')')) {
    const open = key.lastIndexOf('(')
    if (open > 0) key = key.slice(0, open).trim()
  }
  return key
    .replace(/[:：]$/, '')
    .trim()
    .toLowerCase()
}

// Order matters: `Open questions about scope` is questions, `Risks and constraints` risks.
const sectionPatterns: Array<[DiscoverySection, RegExp]> = [
  ['questions', /\bquestions?\b/],
  ['success', /\b(?:success|acceptance|definition of done|done when|goals? and metrics|metrics)\b/],
  ['references', /\b(?:reference files?|references|files consulted)\b/],
  ['risks', /\b(?:risks?|pre-?mortem|failure modes?|what could go wrong)\b/],
  ['decisions', /\bdecisions?\b/],
  ['constraints', /\b(?:constraints?|assumptions)\b/],
  ['requirements', /\b(?:requirements?|features?|capabilities|user stories|must haves?)\b/],
  ['problem', /\b(?:problem|background|motivation)\b/],
  ['solution', /\b(?:solution|approach|proposal|the idea)\b|^overview$/],
  ['scope', /^(?:scope|in scope|out of scope|non-goals|deferred|mvp)\b/],
  ['context', /\b(?:context|existing system|current state)\b/],
  ['next', /\bnext steps?\b/]
]

/** The discovery section an H2 heading names, or null (a domain section such as `Pricing`). */
export function classifyHeading(text: string): DiscoverySection | null {
  const key = headingKey(text)
  for (const [name, pattern] of sectionPatterns) if (pattern.test(key)) return name
  return null
}

// Sub-headings only open a section when they say nothing else: `### Upfront Questions Phase` is not one.
const subsectionPatterns: Array<[DiscoverySection, RegExp]> = [
  ['questions', /^(?:open |unresolved )?questions$/],
  ['success', /^(?:success criteria|success metrics|success|acceptance criteria|definition of done)$/],
  ['references', /^reference files$/],
  ['risks', /^(?:known )?risks(?: and mitigations)?$|^pre-?mortem$/],
  ['decisions', /^key decisions$/],
  ['constraints', /^(?:hard )?constraints$/],
  ['scope', /^(?:scope|in scope|out of scope|deferred)$/]
]

export function classifySubheading(text: string): DiscoverySection | null {
  const key = headingKey(text)
  for (const [name, pattern] of subsectionPatterns) if (pattern.test(key)) return name
  return null
}

/**
 * Sections whose content is not carried into a spec: diagrams, worked
 * examples, prompt patterns and process narration belong to the discovery.
 */
export function isNarrative(text: string): boolean {
  return /\b(?:architecture|diagrams?|examples?|patterns?|prompts?|flows?|walkthrough|coordination|workflow|appendix|glossary|research|history|notes|alternatives considered|log|timeline|milestones|stakeholders|personas|faq|summary|tl;?dr|changelog)\b/.test(
    headingKey(text)
  )
}

/** The title without `Discovery:` before it or `- Discovery Document` after it. */
export function discoveryTitle(text: string): string {
  let title = text.replace(/\s+/g, ' ').trim()
  title = title.replace(/^discovery(?: document| doc)?\s?[:—–-]\s?/i, '')
  title = title.replace(/\s?[—–:-]?\s?\(?discovery(?: document| doc| notes)?\)?$/i, '')
  return title.trim()
}
