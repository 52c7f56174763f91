import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  LAST_KNOWN_BIT,
  bitsOf,
  capabilityLabel,
  diffMasks,
  hexToMask,
  isBitSet,
  maskToHex,
  replaceSetInInput,
  runtimeDefaultHex,
  securityContextSnippet,
  shareableInput,
  splitNames,
  toggleBit,
} from './caps-view.ts'
import { decodeCapabilities, encodeCapabilities } from '../../core/index.ts'

const STATUS = [
  'Name:\tsleep',
  'Pid:\t1',
  'CapInh:\t0000000000000000',
  'CapPrm:\t00000000a80425fb',
  'CapEff:\t00000000a80425fb',
  'CapBnd:\t00000000a80425fb',
  'CapAmb:\t0000000000000000',
  'NoNewPrivs:\t0',
].join('\n')

describe('hex and bigint conversion', () => {
  it('pads to 16 lowercase digits and reads any case back', () => {
    expect(maskToHex(0x400n)).toBe('0000000000000400')
    expect(hexToMask('A80425FB')).toBe(0xa80425fbn)
    expect(maskToHex(hexToMask('ffffffffffffffff') ?? 0n)).toBe('ffffffffffffffff')
  })

  it('rejects non-hex, prefixes and more than 16 digits', () => {
    expect(hexToMask('0x400')).toBeNull()
    expect(hexToMask('zz')).toBeNull()
    expect(hexToMask('')).toBeNull()
    expect(hexToMask('1'.repeat(17))).toBeNull()
  })

  it('round-trips every 64-bit value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (mask) => {
        expect(hexToMask(maskToHex(mask))).toBe(mask)
      }),
    )
  })
})

describe('bit toggling', () => {
  it('sets and clears bit 10 (CAP_NET_BIND_SERVICE)', () => {
    expect(toggleBit('0000000000000000', 10)).toBe('0000000000000400')
    expect(toggleBit('0000000000000400', 10)).toBe('0000000000000000')
  })

  it('reaches bit 63 without sign problems', () => {
    expect(toggleBit('0', 63)).toBe('8000000000000000')
    expect(isBitSet('8000000000000000', 63)).toBe(true)
    expect(bitsOf('8000000000000001')).toEqual([0, 63])
  })

  it('treats bad hex as zero and ignores out-of-range bits', () => {
    expect(toggleBit('not hex', 0)).toBe('0000000000000001')
    expect(toggleBit('400', 64)).toBe('0000000000000400')
    expect(toggleBit('400', -1)).toBe('0000000000000400')
    expect(isBitSet('400', 64)).toBe(false)
    expect(bitsOf('nope')).toEqual([])
  })

  it('is its own inverse and changes exactly one bit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 0, max: 63 }),
        (mask, bit) => {
          const hex = maskToHex(mask)
          const toggled = toggleBit(hex, bit)
          expect(toggleBit(toggled, bit)).toBe(hex)
          expect(isBitSet(toggled, bit)).toBe(!isBitSet(hex, bit))
          expect(diffMasks(toggled, hex)).toEqual(
            isBitSet(hex, bit) ? { added: [], missing: [bit] } : { added: [bit], missing: [] },
          )
        },
      ),
    )
  })

  it('agrees with the core decoder on which names are set', () => {
    const decoded = decodeCapabilities('a80425fb')
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const set = decoded.sets[0]
    expect(bitsOf('a80425fb').map(capabilityLabel)).toEqual(set?.names)
  })
})

describe('labels', () => {
  it('names known bits and numbers unknown ones like capsh', () => {
    expect(capabilityLabel(0)).toBe('CAP_CHOWN')
    expect(capabilityLabel(40)).toBe('CAP_CHECKPOINT_RESTORE')
    expect(capabilityLabel(41)).toBe('41')
    expect(LAST_KNOWN_BIT).toBe(40)
  })
})

describe('comparing masks', () => {
  it('knows the runtime default masks', () => {
    expect(runtimeDefaultHex('containerd')).toBe('00000000a80425fb')
    expect(runtimeDefaultHex('docker')).toBe('00000000a80425fb')
    expect(runtimeDefaultHex('cri-o')).toBe('00000000000005fb')
  })

  it('lists what containerd adds over CRI-O', () => {
    const diff = diffMasks('a80425fb', '5fb')
    expect(diff.missing).toEqual([])
    expect(diff.added.map(capabilityLabel)).toEqual([
      'CAP_NET_RAW',
      'CAP_SYS_CHROOT',
      'CAP_MKNOD',
      'CAP_AUDIT_WRITE',
      'CAP_SETFCAP',
    ])
  })

  it('reports CRI-O test mask 2005fb as the defaults plus SYS_ADMIN', () => {
    const crio = runtimeDefaultHex('cri-o') ?? ''
    expect(diffMasks('00000000002005fb', crio)).toEqual({ added: [21], missing: [] })
  })
})

describe('securityContext snippet', () => {
  it('writes drop ALL plus the bare names', () => {
    const snippet = securityContextSnippet('0000000000000400')
    expect(snippet.add).toEqual(['NET_BIND_SERVICE'])
    expect(snippet.yaml).toBe(
      'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n',
    )
  })

  it('omits add for an empty mask', () => {
    expect(securityContextSnippet('0').yaml).not.toContain('add:')
    expect(securityContextSnippet('0').add).toEqual([])
  })

  it('sets aside bits that have no name', () => {
    const snippet = securityContextSnippet('0000020000000001')
    expect(snippet.add).toEqual(['CHOWN'])
    expect(snippet.unnamedBits).toEqual([41])
  })

  it('encodes back to the same mask for every named mask', () => {
    const named = (1n << BigInt(LAST_KNOWN_BIT + 1)) - 1n
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: named }), (mask) => {
        const hex = maskToHex(mask)
        const encoded = encodeCapabilities(securityContextSnippet(hex).add)
        expect(encoded).toMatchObject({ ok: true, hex })
      }),
    )
  })
})

describe('input helpers', () => {
  it('splits names on commas and whitespace', () => {
    expect(splitNames(' NET_BIND_SERVICE, CAP_CHOWN\nkill,,')).toEqual([
      'NET_BIND_SERVICE',
      'CAP_CHOWN',
      'kill',
    ])
    expect(splitNames('  ')).toEqual([])
  })

  it('rewrites one line of a pasted status and keeps the rest', () => {
    const next = replaceSetInInput(STATUS, 'CapEff', '00000000a80425fa')
    expect(next).toBe(STATUS.replace('CapEff:\t00000000a80425fb', 'CapEff:\t00000000a80425fa'))
  })

  it('replaces a bare mask, and falls back to the mask when the line is gone', () => {
    expect(replaceSetInInput('0x400', 'mask', '0000000000000401')).toBe('0000000000000401')
    expect(replaceSetInInput('CapPrm: 0', 'CapEff', '0000000000000001')).toBe('0000000000000001')
  })

  it('shares a bare mask as typed but only the Cap lines of a status file', () => {
    expect(shareableInput(' 0xA80425FB ', [{ label: 'mask', hex: '00000000a80425fb' }])).toBe(
      '0xA80425FB',
    )
    const decoded = decodeCapabilities(STATUS)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const shared = shareableInput(STATUS, decoded.sets)
    expect(shared).not.toContain('sleep')
    expect(decodeCapabilities(shared)).toEqual(decoded)
  })
})
