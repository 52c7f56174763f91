import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCapabilities, encodeCapabilities, formatCapsh } from './codec.ts'
import { REFERENCE_CAPABILITIES } from './fixtures/reference-capabilities.ts'

/**
 * The libcap 2.66 `capsh --decode` format, restated from reference section 1.3 without the
 * production code: `0x` + 16 lowercase hex digits + `=` + lowercase names of the set bits in
 * ascending order, bits without a name as decimal numbers, joined by commas.
 */
function expectedCapsh(value: bigint): string {
  let hex = ''
  for (let nibble = 15; nibble >= 0; nibble--) {
    hex += '0123456789abcdef'[Number((value >> BigInt(nibble * 4)) & 15n)]
  }
  const parts: string[] = []
  for (let bit = 0; bit < 64; bit++) {
    if (((value >> BigInt(bit)) & 1n) === 1n) {
      const row = REFERENCE_CAPABILITIES[bit]
      parts.push(row === undefined ? String(bit) : row[0].toLowerCase())
    }
  }
  return `0x${hex}=${parts.join(',')}`
}

const LOW_38 = REFERENCE_CAPABILITIES.slice(0, 38)
  .map(([name]) => name.toLowerCase())
  .join(',')

describe('formatCapsh', () => {
  it.each([
    ['0', '0x0000000000000000='],
    ['3', '0x0000000000000003=cap_chown,cap_dac_override'],
    ['400', '0x0000000000000400=cap_net_bind_service'],
    [
      'a80425fb',
      '0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap',
    ],
    ['0000003fffffffff', `0x0000003fffffffff=${LOW_38}`],
    ['000001ffffffffff', `0x000001ffffffffff=${LOW_38},cap_perfmon,cap_bpf,cap_checkpoint_restore`],
    ['20000000000', '0x0000020000000000=41'],
    [
      'ffffffffffffffff',
      `0x${'f'.repeat(16)}=${LOW_38},cap_perfmon,cap_bpf,cap_checkpoint_restore,${Array.from(
        { length: 23 },
        (_, i) => 41 + i,
      ).join(',')}`,
    ],
  ])('capsh --decode=%s', (input, output) => {
    expect(formatCapsh(input)).toBe(output)
  })

  it('accepts 0x, upper case and leading zeros like capsh', () => {
    expect(formatCapsh('0xA80425FB')).toBe(formatCapsh('a80425fb'))
    expect(formatCapsh('0X00000000000000000400')).toBe('0x0000000000000400=cap_net_bind_service')
  })

  it.each(['', 'zz', '0x', '1ffffffffffffffff', 'CapEff:\t0'])('answers null for %j', (input) => {
    expect(formatCapsh(input)).toBeNull()
  })

  it('decodes every single bit 0..63', () => {
    for (let bit = 0; bit < 64; bit++) {
      const value = 1n << BigInt(bit)
      expect(formatCapsh(value.toString(16))).toBe(expectedCapsh(value))
    }
  })

  it('matches the restated format for random 64-bit masks', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (value) => {
        expect(formatCapsh(`0x${value.toString(16)}`)).toBe(expectedCapsh(value))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('decodeCapabilities', () => {
  it.each(['a80425fb', '0xa80425fb', '0XA80425FB', '00000000a80425fb', '  a80425fb\n'])(
    'decodes the bare mask %j',
    (input) => {
      const result = decodeCapabilities(input)
      expect(result).toEqual({
        ok: true,
        form: 'hex',
        sets: [
          {
            label: 'mask',
            hex: '00000000a80425fb',
            names: [
              'CAP_CHOWN',
              'CAP_DAC_OVERRIDE',
              'CAP_FOWNER',
              'CAP_FSETID',
              'CAP_KILL',
              'CAP_SETGID',
              'CAP_SETUID',
              'CAP_SETPCAP',
              'CAP_NET_BIND_SERVICE',
              'CAP_NET_RAW',
              'CAP_SYS_CHROOT',
              'CAP_MKNOD',
              'CAP_AUDIT_WRITE',
              'CAP_SETFCAP',
            ],
            unknownBits: [],
          },
        ],
      })
    },
  )

  it('decodes a single status line', () => {
    expect(decodeCapabilities('CapEff:\t0000000000000400')).toEqual({
      ok: true,
      form: 'status',
      sets: [
        {
          label: 'CapEff',
          hex: '0000000000000400',
          names: ['CAP_NET_BIND_SERVICE'],
          unknownBits: [],
        },
      ],
    })
  })

  it('decodes all five Cap lines of a /proc/<pid>/status text in file order', () => {
    const status = [
      'Name:\tsleep',
      'Umask:\t0022',
      'State:\tS (sleeping)',
      'Uid:\t1000\t1000\t1000\t1000',
      'CapInh:\t0000000000000000',
      'CapPrm:\t0000000000000000',
      'CapEff:\t0000000000000000',
      'CapBnd:\t000001ffffffffff',
      'CapAmb:\t0000020000000000',
      'NoNewPrivs:\t1',
      'Seccomp:\t2',
      'Seccomp_filters:\t1',
    ].join('\r\n')
    const result = decodeCapabilities(status)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.sets.map((s) => s.label)).toEqual([
      'CapInh',
      'CapPrm',
      'CapEff',
      'CapBnd',
      'CapAmb',
    ])
    expect(result.sets[3]?.names).toHaveLength(41)
    expect(result.sets[3]?.names.at(-1)).toBe('CAP_CHECKPOINT_RESTORE')
    expect(result.sets[4]).toEqual({
      label: 'CapAmb',
      hex: '0000020000000000',
      names: [],
      unknownBits: [41],
    })
  })

  it('keeps file order and tolerates odd spacing and case in labels', () => {
    const result = decodeCapabilities('  capbnd :  5fb\nCAPEFF:0x400')
    expect(result.ok && result.sets.map((s) => [s.label, s.hex])).toEqual([
      ['CapBnd', '00000000000005fb'],
      ['CapEff', '0000000000000400'],
    ])
  })

  it.each([
    ['', /Paste/],
    ['   \n ', /Paste/],
    ['hello', /"hello" is neither a hex mask nor a capability name/],
    ['xyz!', /neither a hex mask nor a capability name/],
    ['0x', /No hex digits/],
    ['12345678901234567', /at most 16/],
    ['Name:\tbash\nState:\tR (running)', /No CapInh, CapPrm, CapEff, CapBnd or CapAmb line/],
    ['a80425fb\n5fb', /"a80425fb", "5fb" look like masks/],
    ['Name:\tbash\nCHOWN', /No CapInh/],
    ['CapInh:\t0\nCapEff:\tnope', /^CapEff: .*not a hex number/],
    ['CapBnd:\t10000000000000000', /^CapBnd: .*at most 16/],
    ['CapEff:', /^CapEff: The mask is empty/],
  ])('rejects %j with a clear message', (input, error) => {
    const result = decodeCapabilities(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(error)
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = decodeCapabilities(text)
        expect(typeof result.ok).toBe('boolean')
      }),
    )
  })
})

describe('encodeCapabilities', () => {
  it.each([
    [['NET_BIND_SERVICE'], '0000000000000400'],
    [['CAP_NET_BIND_SERVICE'], '0000000000000400'],
    [['cap_net_bind_service'], '0000000000000400'],
    [['  NET_ADMIN ', 'net_raw', '', 'NET_ADMIN'], '0000000000003000'],
    [[], '0000000000000000'],
    [['CHECKPOINT_RESTORE', 'CHOWN'], '0000010000000001'],
  ])('encodes %j', (names, hex) => {
    expect(encodeCapabilities(names)).toEqual({ ok: true, hex })
  })

  it('rejects unknown names and lists them', () => {
    expect(encodeCapabilities(['CHOWN', ' FOO ', 'CAP_CAP_KILL'])).toEqual({
      ok: false,
      error:
        'Unknown capability names: "FOO", "CAP_CAP_KILL". Use a name like NET_BIND_SERVICE or CAP_NET_BIND_SERVICE.',
      unknown: ['FOO', 'CAP_CAP_KILL'],
    })
    const single = encodeCapabilities(['ALL'])
    expect(single.ok === false && single.error).toMatch(/^Unknown capability name: "ALL"/)
  })

  it('round-trips with decodeCapabilities', () => {
    fc.assert(
      fc.property(fc.subarray(REFERENCE_CAPABILITIES.map(([name]) => name)), (names) => {
        const encoded = encodeCapabilities(names)
        expect(encoded.ok).toBe(true)
        if (!encoded.ok) return
        const decoded = decodeCapabilities(encoded.hex)
        expect(decoded.ok && decoded.sets[0]?.names).toEqual(names)
      }),
    )
  })
})
