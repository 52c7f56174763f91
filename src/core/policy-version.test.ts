import { describe, expect, it } from 'vitest'
import {
  NEWEST_RULES_VERSION,
  parsePolicyVersion,
  POLICY_VERSIONS,
  rulesMinor,
} from './policy-version.ts'

describe('parsePolicyVersion', () => {
  it.each(['latest', 'v1.0', 'v1.9', 'v1.37', 'v1.99', 'v1.9223372036854775807'])(
    'accepts %s',
    (text) => {
      expect(parsePolicyVersion(text)).toBe(text)
    },
  )

  it.each([
    '',
    'v1',
    'v1.',
    'v1.01',
    'v1.30.1',
    'v2.0',
    '1.30',
    'V1.30',
    'Latest',
    ' v1.30',
    'v1.9223372036854775808',
  ])('rejects %j', (text) => {
    expect(parsePolicyVersion(text)).toBeUndefined()
  })
})

describe('rulesMinor', () => {
  it('clamps latest, newer and invalid versions to the newest rules', () => {
    expect(NEWEST_RULES_VERSION).toBe('v1.37')
    expect(rulesMinor('latest')).toBe(37)
    expect(rulesMinor('v1.99')).toBe(37)
    expect(rulesMinor('bogus')).toBe(37)
    expect(rulesMinor('v1.24')).toBe(24)
    expect(rulesMinor('v1.0')).toBe(0)
  })
})

describe('POLICY_VERSIONS', () => {
  it('lists latest, then v1.37 down to v1.0', () => {
    expect(POLICY_VERSIONS).toHaveLength(39)
    expect(POLICY_VERSIONS.slice(0, 3)).toEqual(['latest', 'v1.37', 'v1.36'])
    expect(POLICY_VERSIONS.at(-1)).toBe('v1.0')
    expect(POLICY_VERSIONS.every((v) => parsePolicyVersion(v) === v)).toBe(true)
  })
})
