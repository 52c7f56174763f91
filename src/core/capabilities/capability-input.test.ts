import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCapabilities, encodeCapabilities, formatCapsh } from './codec.ts'
import { REFERENCE_CAPABILITIES } from './fixtures/reference-capabilities.ts'

const MASK_64 = (1n << 64n) - 1n
const anyMask = fc.bigInt({ min: 0n, max: MASK_64 })
const hex16 = (mask: bigint) => mask.toString(16).padStart(16, '0')
const NAMES = REFERENCE_CAPABILITIES.map(([name]) => name)

// `capsh --decode=a80425fb` with libcap 2.66.
const CAPSH_DEFAULT =
  '0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap'

/** The one decoded set's hex and the form the input was read as, or the error. */
function decode(input: string, capLastCap?: number) {
  const result = decodeCapabilities(input, capLastCap === undefined ? {} : { capLastCap })
  if (!result.ok) return { error: result.error }
  expect(result.sets).toHaveLength(1)
  return { form: result.form, hex: result.sets[0]?.hex }
}

describe('capsh output and the capsh command', () => {
  it.each([
    [CAPSH_DEFAULT, '00000000a80425fb'],
    ['0x0000000000000000=', '0000000000000000'],
    ['0x0000020000000000=41', '0000020000000000'],
    // libcap before 2.30 had no name for CAP_AUDIT_READ and printed the bit number.
    ['0x0000003000000000=cap_block_suspend,37', '0000003000000000'],
    ['  0X0000000000000400 = CAP_NET_BIND_SERVICE  ', '0000000000000400'],
    ['capsh --decode=a80425fb', '00000000a80425fb'],
    ['$ capsh --decode=0x400', '0000000000000400'],
    ['--decode=5fb', '00000000000005fb'],
    [`$ capsh --decode=a80425fb\n${CAPSH_DEFAULT}`, '00000000a80425fb'],
  ])('reads %j', (input, hex) => {
    expect(decode(input)).toEqual({ form: 'capsh', hex })
  })

  it.each([
    [
      '0x00000000a80425fb=cap_chown,cap_dac_override',
      /make 0x0000000000000003, not 0x00000000a80425fb/,
    ],
    ['0x0000000000000400=cap_net_bind_service,cap_foo', /not a capability: "cap_foo"/],
    ['0x0000000000000001=64', /not a capability: "64"/],
    ['0x10000000000000000=', /at most 16/],
    ['capsh --decode=xyz', /not a hex number/],
    ['capsh --decode=', /The mask is empty/],
  ])('refuses %j with a message', (input, error) => {
    expect(decode(input).error).toMatch(error)
  })

  it('decodes what formatCapsh prints, for any 64-bit mask', () => {
    fc.assert(
      fc.property(anyMask, (mask) => {
        expect(decode(formatCapsh(mask.toString(16)) ?? '')).toEqual({
          form: 'capsh',
          hex: hex16(mask),
        })
        expect(decode(`capsh --decode=${mask.toString(16)}`)).toEqual({
          form: 'capsh',
          hex: hex16(mask),
        })
      }),
      { numRuns: 500 },
    )
  })
})

describe('names lists', () => {
  it.each([
    ['cap_chown,cap_kill', '0000000000000021'],
    ['CHOWN KILL', '0000000000000021'],
    ['chown, CAP_KILL', '0000000000000021'],
    ['NET_BIND_SERVICE', '0000000000000400'],
    ['["NET_ADMIN", "NET_RAW"]', '0000000000003000'],
    ["[net_admin, 'net_raw']", '0000000000003000'],
    ['CHOWN\nKILL\n', '0000000000000021'],
    ['KILL KILL', '0000000000000020'],
  ])('reads %j', (input, hex) => {
    expect(decode(input)).toEqual({ form: 'names', hex })
  })

  it.each([
    [40, '000001ffffffffff'],
    [39, '000000ffffffffff'],
    [37, '0000003fffffffff'],
    [36, '0000001fffffffff'],
  ])('ALL on a kernel with cap_last_cap %i is every capability it has', (capLastCap, hex) => {
    for (const spelling of ['ALL', 'all', 'All']) {
      expect(decode(spelling, capLastCap)).toEqual({ form: 'names', hex })
    }
  })

  it('ALL defaults to the newest kernel (cap_last_cap 40) and absorbs other names', () => {
    expect(decode('ALL')).toEqual({ form: 'names', hex: '000001ffffffffff' })
    expect(decode('all, NET_ADMIN', 37)).toEqual({ form: 'names', hex: '0000003fffffffff' })
    // A name newer than the kernel still sets its bit: the decoder shows it, marked.
    expect(decode('ALL BPF', 37)).toEqual({ form: 'names', hex: '000000bfffffffff' })
  })

  it.each([
    ['CHOWN FOO', /Unknown capability name: "FOO"/],
    ['FOO, bar', /Unknown capability names: "FOO", "bar"/],
    ['CAP_CAP_KILL, KILL', /"CAP_CAP_KILL"/],
    ['cap_chown,cap_kill=ep', /"cap_kill=ep"/],
  ])('refuses %j and names the culprits', (input, error) => {
    expect(decode(input).error).toMatch(error)
  })

  it('round-trips: decode(names) is encode(names), whatever the case, prefix and separators', () => {
    const spelled = fc
      .tuple(fc.constantFrom(...NAMES), fc.boolean(), fc.boolean())
      .map(([name, prefix, lower]) => {
        const bare = prefix ? name : name.replace(/^CAP_/, '')
        return lower ? bare.toLowerCase() : bare
      })
    fc.assert(
      fc.property(
        fc.array(spelled, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ', ', ' ', '\n', ' ,\t'),
        (names, separator) => {
          const encoded = encodeCapabilities(names)
          expect(encoded.ok).toBe(true)
          if (!encoded.ok) return
          expect(decode(names.join(separator))).toEqual({ form: 'names', hex: encoded.hex })
        },
      ),
    )
  })

  it('round-trips: the names decoded from a mask read back as the same mask', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 41n) - 1n }), (mask) => {
        const decoded = decodeCapabilities(mask.toString(16))
        const names = decoded.ok ? (decoded.sets[0]?.names ?? []) : []
        expect(decode(names.join(','))).toEqual({ form: 'names', hex: hex16(mask) })
      }),
      { numRuns: 500 },
    )
  })
})

describe('every input form', () => {
  it('never throws, and always answers a message or sets', () => {
    const pieces = fc.constantFrom(
      'CapEff:',
      '0x',
      '=',
      ',',
      ' ',
      '\n',
      'cap_chown',
      'ALL',
      'capsh --decode=',
      'ff',
      '[',
      '"',
      ':',
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 12 }),
        (parts) => {
          const result = decodeCapabilities(parts.join(''))
          if (result.ok) expect(result.sets.length).toBeGreaterThan(0)
          else expect(result.error.length).toBeGreaterThan(10)
        },
      ),
    )
  })
})
