import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS, resolveOptions } from './options.ts'

describe('resolveOptions', () => {
  it('fills every missing assumption with its documented default', () => {
    expect(resolveOptions({})).toEqual(DEFAULT_OPTIONS)
    expect(resolveOptions(undefined)).toEqual(DEFAULT_OPTIONS)
  })

  it('keeps valid values', () => {
    const options = {
      runtime: 'cri-o',
      kernel: '5.15.0-91-generic',
      kubernetesVersion: 'v1.30',
      seccompDefault: true,
      appArmor: false,
      imageUser: 'nginx',
      namespaceLabels: {
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.30',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    } as const
    expect(resolveOptions(options)).toEqual(options)
    expect(resolveOptions({ imageUser: null }).imageUser).toBeNull()
    expect(resolveOptions({ imageUser: 65534 }).imageUser).toBe(65534)
    // Out of the kubelet's range, but kept: the kubelet check reports it as an invalid user id.
    expect(resolveOptions({ imageUser: 99_999_999_999 }).imageUser).toBe(99_999_999_999)
    for (const kernel of ['5', 'v6.1', '6.8.0-45-generic', '4.18.0-553.el8_10.x86_64']) {
      expect(resolveOptions({ kernel }).kernel).toBe(kernel)
    }
  })

  it('drops malformed values one by one, keeping the rest', () => {
    const resolved = resolveOptions({
      runtime: 'podman',
      kernel: '6.8 and more',
      kubernetesVersion: 'v1.07',
      imageUser: -1,
      appArmor: false,
      namespaceLabels: {
        // Labels the user could never have picked are dropped one by one.
        'pod-security.kubernetes.io/enforce': 'strict',
        'pod-security.kubernetes.io/audit-version': 'v1.07',
        'pod-security.kubernetes.io/warn': 'baseline',
        'pod-security.kubernetes.io/warn-version': 125,
        'app.kubernetes.io/name': 'web',
      },
    } as never)
    expect(resolved).toEqual({
      ...DEFAULT_OPTIONS,
      appArmor: false,
      namespaceLabels: { 'pod-security.kubernetes.io/warn': 'baseline' },
    })
  })

  it('never throws and always returns a complete set of options, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const resolved = resolveOptions(value as never)
        expect(Object.keys(resolved).sort()).toEqual(Object.keys(DEFAULT_OPTIONS).sort())
      }),
    )
  })
})
