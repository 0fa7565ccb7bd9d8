import {describe, expect, it} from 'vitest'
import {collectEvidence, describeWorkType, inferWorkType} from '../../src/init/work-type.js'

describe('inferWorkType', () => {
  it('finds backend work from endpoints, database and auth', () => {
    const result = inferWorkType('New endpoints for export. A database view. Auth via API keys. Two more endpoints and an API.')
    expect(result.type).toBe('backend-api')
    expect(result.evidence.map((e) => e.component)).toEqual(['backend-api'])
    expect(result.evidence[0]?.terms.slice(0, 2)).toEqual(['endpoints', 'API'])
  })

  it('finds frontend work from UI, components and pages', () => {
    const result = inferWorkType('A UI with card components on two pages; page layout and components.')
    expect(result.type).toBe('frontend')
    expect(describeWorkType(result)).toBe('frontend (frontend: "components", "pages", "UI")')
  })

  it('calls agent work with another component hybrid and prints the evidence per component', () => {
    const result = inferWorkType(
      'The pages and components show what the LLM agent drafts. The agent uses prompts; pages list drafts; components too. LLM again.'
    )
    expect(result.type).toBe('hybrid')
    expect(describeWorkType(result, 2)).toBe('hybrid (frontend: "pages", "components"; agent: "LLM", "agent")')
  })

  it('calls agent-only work agent-langgraph, or agent-dspy when DSPy is named', () => {
    expect(inferWorkType('An agent team with prompts and orchestration of agents.').type).toBe('agent-langgraph')
    expect(inferWorkType('A DSPy pipeline of agents with optimised prompts and an agent per step.').type).toBe('agent-dspy')
  })

  it('ignores a component with few signals next to a strong one', () => {
    const agentHeavy = `${'The agent prompts the next agent. '.repeat(10)}Docs pages are fetched; one API; doc pages; pages.`
    const result = inferWorkType(agentHeavy)
    expect(result.type).toBe('agent-langgraph')
    expect(collectEvidence(agentHeavy).find((e) => e.component === 'frontend')?.count).toBe(3)
  })

  it('does not match words inside words or the wrong case of acronyms', () => {
    const evidence = collectEvidence('pagination, quiet restful build, agentless, uid')
    expect(evidence.map((e) => e.count)).toEqual([0, 0, 0])
  })

  it('defaults to backend-api with no signals and says so', () => {
    const result = inferWorkType('We talked about the thing.')
    expect(result).toEqual({type: 'backend-api', evidence: [], source: 'default'})
    expect(describeWorkType(result)).toBe('backend-api (no work-type signals found; the default, override with --type)')
  })

  it('describes an overridden type as such', () => {
    expect(describeWorkType({type: 'frontend', evidence: [], source: 'option'})).toBe('frontend (from --type)')
  })
})
