import {createHash} from 'node:crypto'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import recommended from '../../presets/recommended.js'
import {rulesById} from '../../rules/index.js'
import {packageInfo} from '../engine/package-info.js'
import {docsBase, relatedOf, source} from '../rule.js'
import {inOrder, levelOf, relativePath, repoRoot, spanOf} from './places.js'
import {isSpecRule} from '../engine/record-rules.js'

const {version, homepage} = packageInfo

export interface SarifOptions {
  silent?: boolean
  /** Folder the artifact URIs are relative to (default: the repository root). */
  root?: string
}

/** The reporting descriptor id of messages that come from no rule (a file that cannot be read, a bad config). */
const engineRuleId = 'spec-lint'

interface RuleDescriptor {
  id: string
  name?: string
  shortDescription: {text: string}
  fullDescription?: {text: string; markdown?: string}
  helpUri?: string
  defaultConfiguration?: {level: 'error' | 'warning' | 'note'}
  properties?: Record<string, unknown>
}

function descriptor(id: string): RuleDescriptor {
  const plugin = rulesById.get(id)
  if (!plugin) {
    return id === engineRuleId
      ? {id, shortDescription: {text: 'spec-lint could not lint the file'}}
      : {id, shortDescription: {text: `spec-lint check \`${id}\``}}
  }
  const {rule} = plugin
  const plain = (text: string) => text.replace(/`/g, '')
  return {
    id,
    name: plugin.name,
    shortDescription: {text: plain(rule.summary)},
    fullDescription: {text: plain(rule.description), markdown: rule.description},
    helpUri: docsBase + id + '.md',
    defaultConfiguration: {level: rule.recommended === 'error' ? 'error' : 'warning'},
    properties: {category: rule.category, fixable: rule.fixable, tags: ['spec-lint', rule.category]}
  }
}

/** Ids of the rules the recommended preset turns on, in catalogue order. */
function presetRuleIds(): string[] {
  const ids: string[] = []
  for (const entry of recommended.plugins ?? []) {
    const plugin: unknown = Array.isArray(entry) ? entry[0] : entry
    if (isSpecRule(plugin)) ids.push(plugin.rule.id)
  }
  return ids
}

/** The text a message points at (its start line for a point), for fingerprints that survive lines moving. */
function placeText(file: VFile, message: VFileMessage): string {
  const value = String(file.value ?? '')
  const place = message.place
  if (place && 'start' in place && typeof place.start.offset === 'number' && typeof place.end.offset === 'number') {
    return value.slice(place.start.offset, place.end.offset)
  }
  const line = spanOf(message)?.start.line
  return line === undefined ? '' : (value.split(/\r?\n/)[line - 1] ?? '').trim()
}

function regionOf(message: VFileMessage): object {
  const span = spanOf(message)
  return span ? {region: {startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column}} : {}
}

/** The places a message refers to (the first stream, the other spec with the same promise), each with its own URI and region. */
function relatedLocations(file: VFile, message: VFileMessage, uri: string, root: string): {relatedLocations?: unknown[]} {
  const related = relatedOf(message)
  if (related.length === 0) return {}
  const own = file.path ? path.resolve(file.cwd, file.path) : undefined
  return {
    relatedLocations: related.map((place, index) => ({
      id: index + 1,
      message: {text: place.reason},
      physicalLocation: {
        artifactLocation: {
          uri:
            place.file && path.resolve(file.cwd, place.file) !== own ? path.relative(root, path.resolve(file.cwd, place.file)).split(path.sep).join('/') : uri,
          uriBaseId: '%SRCROOT%'
        },
        ...regionOf(place)
      }
    }))
  }
}

/**
 * `--report sarif`: a SARIF 2.1.0 log for code scanning. `tool.driver.rules`
 * lists every rule that ran (recorded per file, else the recommended preset)
 * plus any rule id a message carries; results point at repository-relative
 * URIs with a full region and a fingerprint that does not depend on lines.
 */
export function reporterSarif(files: VFile[], options: SarifOptions = {}): string {
  const root = options.root ?? repoRoot(files[0]?.cwd ?? process.cwd())
  const ran = new Set<string>()
  for (const file of files) for (const id of file.data.specRules ?? []) ran.add(id)
  if (ran.size === 0) for (const id of presetRuleIds()) ran.add(id)
  for (const file of files) for (const message of file.messages) ran.add(message.ruleId ?? engineRuleId)

  const ids = [...ran]
  const rules = ids.map(descriptor)
  const results: unknown[] = []
  const seen = new Map<string, number>()
  for (const file of files) {
    const uri = relativePath(file, root)
    for (const message of inOrder(file.messages)) {
      if (options.silent && !message.fatal) continue
      const ruleId = message.ruleId ?? engineRuleId
      const span = spanOf(message)
      const key = [ruleId, uri, message.reason, placeText(file, message)].join('\0')
      const occurrence = (seen.get(key) ?? 0) + 1
      seen.set(key, occurrence)
      const hash = createHash('sha256').update(key).digest('hex').slice(0, 32)
      results.push({
        ruleId,
        ruleIndex: ids.indexOf(ruleId),
        level: levelOf(message),
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri, uriBaseId: '%SRCROOT%'},
              ...(span ? {region: {startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column}} : {})
            }
          }
        ],
        ...relatedLocations(file, message, uri, root),
        partialFingerprints: {'specLintMessage/v1': `${hash}:${occurrence}`}
      })
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: source,
            version,
            semanticVersion: version,
            ...(homepage ? {informationUri: homepage} : {}),
            rules
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(root).href.replace(/\/?$/, '/')}},
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2)
}
