import path from 'node:path'
import type {VFile} from 'vfile'
import {contentRead, pathKind} from '../parse/inputs.js'
import {readDocument} from '../parse/read.js'
import type {SpecModel} from '../model/schema.js'

export interface DiscoverySource {
  /** The path messages name (relative to the working folder), or `discovery` for inline text. */
  name: string
  /** Absolute path, when read from disk. */
  path: string | null
  text: string
}

export type DiscoveryLookup = {found: DiscoverySource} | {missing: {path: string; from: 'setting' | 'meta'}} | {none: true}

function metaDiscoveryPath(spec: SpecModel): string | null {
  const row = spec.meta?.rows.find((r) => r.field.trim().toLowerCase() === 'discovery')
  if (!row) return null
  const link = /\]\(([^)\s]+)\)/.exec(row.raw)?.[1]
  const code = /`([^`]+)`/.exec(row.raw)?.[1]
  const value = (link ?? code ?? row.value).trim()
  if (value === '' || /^(?:none|n\/a|—|-|\[.*\])$/i.test(value)) return null
  return value
}

/**
 * Find a spec's discovery document, first match wins: the `discovery`
 * setting (relative to the working folder), the Meta `Discovery` row
 * (relative to the spec), `discovery.md` beside the spec, then
 * `discovery/<name>.md` under the spec's folder (`specs/discovery/<name>.md`).
 * A setting or Meta row that names a missing file is reported, not skipped.
 */
export function locateDiscovery(spec: SpecModel, filePath: string | undefined, cwd: string, setting: unknown, linted?: VFile): DiscoveryLookup {
  const rel = (abs: string) => path.relative(cwd, abs) || abs
  // Every path looked at is an input of the linted file's result (the cache's key).
  const read = (abs: string): DiscoverySource => {
    const text = readDocument(abs)
    contentRead(linted, abs)
    return {name: rel(abs), path: abs, text}
  }
  const isFile = (abs: string) => pathKind(linted, abs) === 'file'
  if (typeof setting === 'string' && setting.trim() !== '') {
    const abs = path.resolve(cwd, setting)
    return isFile(abs) ? {found: read(abs)} : {missing: {path: setting, from: 'setting'}}
  }
  if (!filePath) return {none: true}
  const self = path.resolve(cwd, filePath)
  const dir = path.dirname(self)
  const fromMeta = metaDiscoveryPath(spec)
  if (fromMeta !== null) {
    const abs = path.resolve(dir, fromMeta)
    if (abs === self) return {none: true}
    return isFile(abs) ? {found: read(abs)} : {missing: {path: fromMeta, from: 'meta'}}
  }
  const name = path.basename(self).replace(/\.(?:md|markdown)$/i, '')
  for (const candidate of [path.join(dir, 'discovery.md'), path.join(dir, 'discovery', `${name}.md`)]) {
    if (candidate !== self && isFile(candidate)) return {found: read(candidate)}
  }
  return {none: true}
}
