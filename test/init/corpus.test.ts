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
    // Both paths of `a + b — …`, and both folders of `a/ and b/`, each an entry.
    expect(model.referenceFiles[0]?.entries.map((e) => e.path)).toEqual([
      '../The Pad Guy/tailwind.config.ts',
      '../The Pad Guy/lib/billing/',
      '../The Pad Guy/lib/email/send.ts',
      '../The Pad Guy/app/about/page.tsx',
      '../The Pad Guy/components/about/StoryTimeline.tsx',
      '../The Pad Guy/GO-LIVE.md',
      '../The Pad Guy/imagery-and-context/imagery/',
      '../The Pad Guy/public/images/',
      '../../Hayden Media Masters/DCIM/'
    ])
    // The sitemap's 7 routes, the 8 prices, the 7 timetable days and the 6 coaches are requirements.
    const requirements = model.requirements.map((r) => r.text)
    expect(requirements.filter((r) => r.startsWith('Sitemap: '))).toHaveLength(7)
    expect(requirements.filter((r) => /^Pricing: \S.* — Price: /.test(r))).toHaveLength(8)
    expect(requirements.filter((r) => /^Timetable: (?:MON|TUE|WED|THU|FRI|SAT|SUN) — /.test(r))).toHaveLength(7)
    expect(requirements.filter((r) => /^Coaches: .* — Discipline: /.test(r))).toHaveLength(6)
    // Eight decisions, each once, in Architecture with its text; none repeated in Notes.
    const architecture = markdown.slice(markdown.indexOf('## Architecture'), markdown.indexOf('## Reference Files'))
    expect(architecture).toContain('- **Marketing site, not an app.** No accounts, no Supabase, no Mux.')
    expect(markdown.match(/Marketing site, not an app/g)).toHaveLength(1)
    // RESOLVED questions leave the open ones, kept with their resolution.
    const notes = markdown.slice(markdown.indexOf('## Notes'))
    const open = notes.slice(notes.indexOf('Open questions from discovery:'), notes.indexOf('Resolved during discovery:'))
    expect(open).not.toContain('RESOLVED')
    expect(notes).toContain('Resolved during discovery:\n\n- **RESOLVED — TRB £85 boxing membership IS shown on the site.**')
    // The success statement is an acceptance criterion; no absolute path anywhere.
    expect(model.acceptance?.criteria[0]?.text).toMatch(/^More trial walk-ins and more memberships/)
    expect(markdown).not.toMatch(/\/work\/|\/Users\/|\/home\//)
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
