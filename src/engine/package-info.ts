import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export interface PackageInfo {
  name: string
  version: string
  homepage?: string
}

/** This package's package.json, found up from this module (which runs from `src/` or `dist/src/`). */
function readPackage(): PackageInfo {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as PackageInfo
    const parent = path.dirname(dir)
    if (parent === dir) return {name: 'spec-lint', version: '0.0.0'}
    dir = parent
  }
}

export const packageInfo = readPackage()
