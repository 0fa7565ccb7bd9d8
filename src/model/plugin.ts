import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {buildSpec} from './build.js'
import type {SpecModel} from './schema.js'

declare module 'vfile' {
  interface DataMap {
    spec: SpecModel
  }
}

/**
 * The model of a file, built once per file and cached on `file.data.spec`.
 * Rules call this instead of relying on plugin order, so they also work in
 * a plain remark configuration that loads them without `remarkSpec`.
 */
export function getSpec(tree: Root, file: VFile): SpecModel {
  if (!file.data.spec) file.data.spec = buildSpec(tree, String(file.value ?? ''))
  return file.data.spec
}

/**
 * Unified plugin: build the spec model into `file.data.spec`. A file with NUL
 * bytes is not a spec: it gets one fatal message and no rule runs on it.
 */
export default function remarkSpec() {
  return function (tree: Root, file: VFile): undefined {
    if (String(file.value ?? '').includes('\u0000')) {
      file.fail('Unexpected binary content, expected a Markdown spec', {ruleId: 'binary-content', source: 'spec-lint'})
    }
    getSpec(tree, file)
  }
}
