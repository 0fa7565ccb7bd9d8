import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {describeWorkType, scaffoldSpec} from '../../src/init/index.js'
import {corpus, lintErrors, modelOf, project} from './helpers.js'

const scaffold = (name: string) =>
  scaffoldSpec({source: fs.readFileSync(path.join(corpus, name), 'utf8'), project, created: '2026-01-10', discoveryPath: `discovery/${name}`})

describe.runIf(fs.existsSync(corpus))('init over ../shared/corpus/discovery', () => {
  it('fight-hub-gym-website: a frontend spec from sentence-case headings and no Scope', async () => {
    const {markdown, workType, blank} = scaffold('fight-hub-gym-website.md')
    expect(blank).toBe(false)
    expect(workType.type).toBe('frontend')
    expect(describeWorkType(workType)).toMatch(/^frontend \(frontend: "[^"]+", "[^"]+", "[^"]+"\)$/)
    const model = modelOf(markdown)
    expect(model.title?.text).toBe('Next Gen Fight Hub website')
    expect(model.promise?.value).toBe('NEXT_GEN_FIGHT_HUB_WEBSITE_COMPLETE')
    expect(model.referenceFiles[0]?.entries.map((e) => e.path)).toEqual([
      '../The Pad Guy/tailwind.config.ts',
      '../The Pad Guy/lib/billing/',
      '../The Pad Guy/lib/email/send.ts',
      '../The Pad Guy/app/about/page.tsx',
      '../The Pad Guy/GO-LIVE.md',
      '../The Pad Guy/imagery-and-context/imagery/',
      '../../Hayden Media Masters/DCIM/'
    ])
    // Eight decisions and four constraints; eight open questions in Notes.
    expect(markdown.match(/^## Architecture\n\n((?:- .*\n)+)/m)?.[1]?.split('\n').filter(Boolean)).toHaveLength(12)
    expect(markdown).toContain('Open questions from discovery:\n\n- **RESOLVED — TRB £85 boxing membership IS shown on the site.**')
    expect(await lintErrors(markdown)).toEqual([])
  })

  it('framework-skill-builder: pure agent work with bold header lines and ✓ success criteria', async () => {
    const {markdown, workType} = scaffold('framework-skill-builder.md')
    expect(workType.type).toBe('agent-langgraph')
    expect(workType.evidence.map((e) => e.component)).toEqual(['agent'])
    const model = modelOf(markdown)
    expect(model.acceptance?.criteria.map((c) => c.text.split(':')[0])).toEqual([
      'SKILL.md exists with',
      'All reference files exist with',
      'All files verified by reviewers',
      'Skill is ready to invoke via /{framework-name}',
      'All tests pass',
      'Linting clean'
    ])
    expect(model.requirements.map((r) => r.text)).toContain('3-phase agent team orchestration')
    expect(markdown).toContain('Deferred:\n\n- Custom skill templates (use discovered patterns for now)\n')
    expect(await lintErrors(markdown)).toEqual([])
  })
})
