import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../core/index.ts'
import {
  crc32,
  fromBase64Url,
  gunzipBounded,
  MAX_PAYLOAD_BYTES,
  packJson,
  toBase64Url,
  unpackJson,
} from './link-codec.ts'
import { makeLink, MAX_LINK_CHARS, readLink, type Challenge } from './share-links.ts'

const BASE = 'http://127.0.0.1:4186/'
const OPTIONS: AnalysisOptions = {
  ...DEFAULT_OPTIONS,
  runtime: 'cri-o',
  kernel: '5.4',
  imageUser: 'nginx',
}

/** The `<version>/<data>` part of a link, as the route hands it to `readLink`. */
function rest(url: string, kind: 'share' | 'challenge'): string {
  return url.slice(url.indexOf(`#/${kind}/`) + `#/${kind}/`.length)
}

async function roundTrip(source: string, options = OPTIONS) {
  const link = await makeLink('share', { source, options }, BASE)
  return readLink('share', rest(link.url, 'share'))
}

describe('share links', () => {
  it('round-trips any text byte for byte, with the assumptions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({
            unit: fc.constantFrom('\r\n', '\n', '\t', ' ', 'a', '😀', '\u{10FFFF}', 'é'),
          }),
        ),
        async (source) => {
          expect(await roundTrip(source)).toEqual({ ok: true, value: { source, options: OPTIONS } })
        },
      ),
      { numRuns: 150 },
    )
  })

  it.each([
    ['empty', ''],
    ['CRLF, tabs and no trailing newline', 'a:\r\n\tb: 1\r\n  c: "😀"'],
    ['a trailing newline', 'kind: Pod\n'],
    ['a lone surrogate', 'x: \ud800y'],
    ['200 KB of astral characters', '𝔘'.repeat(100_000)],
    ['200 KB of YAML', 'apiVersion: v1\nkind: Pod\n'.repeat(8_000)],
  ])('round-trips %s', async (_, source) => {
    expect(await roundTrip(source)).toEqual({ ok: true, value: { source, options: OPTIONS } })
  })

  it('says when a link is too long to hand around and when it is not', async () => {
    const small = await makeLink('share', { source: 'kind: Pod\n', options: OPTIONS }, BASE)
    expect(small).toMatchObject({ tooLong: false })
    const noise = Array.from({ length: 40_000 }, (_, i) => ((i * 7919) % 65_521).toString(36)).join(
      '',
    )
    const big = await makeLink('share', { source: noise, options: OPTIONS }, `${BASE}#/old`)
    expect(big.tooLong).toBe(true)
    expect(big.url.length).toBeGreaterThan(MAX_LINK_CHARS)
    expect(big.url.startsWith(`${BASE}#/share/1/`)).toBe(true)
  })

  it('refuses every changed character of a link with a message', async () => {
    const link = await makeLink(
      'share',
      { source: 'kind: Pod\nspec: {}\n', options: OPTIONS },
      BASE,
    )
    const data = rest(link.url, 'share').slice('1/'.length)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: data.length - 1 }),
        fc.constantFrom(...alphabet),
        async (at, char) => {
          fc.pre(data[at] !== char)
          const tampered = data.slice(0, at) + char + data.slice(at + 1)
          const read = await readLink('share', `1/${tampered}`)
          expect(read).toEqual({ ok: false, error: expect.stringContaining('damaged') })
        },
      ),
      { numRuns: 400 },
    )
  })

  it('refuses a link cut off anywhere, or with bytes added', async () => {
    const link = await makeLink(
      'share',
      { source: 'kind: Pod\n'.repeat(50), options: OPTIONS },
      BASE,
    )
    const data = rest(link.url, 'share').slice('1/'.length)
    for (let length = 0; length < data.length; length++) {
      const read = await readLink('share', `1/${data.slice(0, length)}`)
      expect(read.ok, `cut at ${length}`).toBe(false)
    }
    expect((await readLink('share', `1/${data}AAAA`)).ok).toBe(false)
  })

  it.each([
    ['no data', '', 'incomplete'],
    ['a newer format', '2/abc', 'newer version of the playground (format 2)'],
    ['an older format', '0/abc', 'format 0, which this playground does not read'],
    ['characters outside base64url', '1/a+b/', 'damaged'],
  ])('explains %s', async (_, link, message) => {
    expect(await readLink('share', link)).toEqual({
      ok: false,
      error: expect.stringContaining(message),
    })
  })

  it.each([
    [['not', 'an object'], 'not a shared manifest'],
    [{ source: 1, options: {} }, 'no manifest text'],
    [{ source: '', options: { runtime: 'rkt' } }, 'assumption runtime = "rkt" is not valid'],
    [{ source: '', options: { kernel: 'six' } }, 'assumption kernel'],
    [{ source: '', options: { imageUser: -1 } }, 'assumption imageUser'],
    [{ source: '', options: { shell: true } }, 'unknown assumption "shell"'],
    [{ source: '', options: {}, extra: 1 }, 'unexpected field "extra"'],
  ])('validates every field: %j', async (payload, message) => {
    const read = await readLink('share', `1/${await packJson(payload)}`)
    expect(read).toEqual({ ok: false, error: expect.stringContaining(message) })
  })

  it('fills assumptions a link leaves out with the defaults', async () => {
    const read = await readLink('share', `1/${await packJson({ source: 'x', options: {} })}`)
    expect(read).toEqual({ ok: true, value: { source: 'x', options: DEFAULT_OPTIONS } })
  })
})

describe('crc32', () => {
  it('matches the standard check value', () => {
    // The CRC-32 of "123456789" is 0xCBF43926 (the catalogue check value for CRC-32/ISO-HDLC).
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })
})

describe('decompression bound', () => {
  it('refuses a decompression bomb after reading at most the bound plus one chunk', async () => {
    // 64 MiB of zeros compress to about 64 KB: small enough for a link, far past the bound.
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const stream = new Blob([zeros]).stream().pipeThrough(new CompressionStream('gzip'))
    const gz = new Uint8Array(await new Response(stream).arrayBuffer())
    const body = gz.subarray(10)
    const framed = new Uint8Array(body.length + 4)
    framed.set(body)
    new DataView(framed.buffer).setUint32(body.length, crc32(body), true)
    const data = toBase64Url(framed)
    expect(data.length).toBeLessThan(200_000)

    let produced = 0
    const original = DecompressionStream
    // Count what the inflater hands out, to prove reading stopped at the bound.
    globalThis.DecompressionStream = class extends original {
      constructor(format: CompressionFormat) {
        super(format)
        const reader = super.readable.getReader()
        const counted = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await reader.read()
            if (done) controller.close()
            else {
              produced += value.byteLength
              controller.enqueue(value)
            }
          },
          cancel: (reason) => reader.cancel(reason),
        })
        Object.defineProperty(this, 'readable', { value: counted })
      }
    }
    try {
      const read = await unpackJson(data)
      expect(read).toEqual({
        ok: false,
        error: expect.stringContaining('refused without reading further'),
      })
      expect(produced).toBeGreaterThan(MAX_PAYLOAD_BYTES)
      expect(produced).toBeLessThan(MAX_PAYLOAD_BYTES + 1024 * 1024)
    } finally {
      globalThis.DecompressionStream = original
    }
  })

  it('keeps to a smaller bound when asked', async () => {
    const framed = fromBase64Url(await packJson('x'.repeat(5000)))!
    const bytes = framed.subarray(0, framed.length - 4)
    expect(await gunzipBounded(bytes, 1000)).toEqual({ ok: false, reason: 'too-big' })
    expect((await gunzipBounded(bytes, 6000)).ok).toBe(true)
  })
})

describe('challenge links', () => {
  const challenge: Challenge = {
    title: 'Bind port 80 without root powers',
    message: 'Keep only NET_BIND_SERVICE.',
    source: 'apiVersion: v1\nkind: Pod\n',
    options: DEFAULT_OPTIONS,
    goals: {
      version: 1,
      conditions: [
        { kind: 'cap-set', container: 'web', set: 'CapEff', equals: '0000000000000400' },
      ],
    },
  }

  it('round-trips', async () => {
    const link = await makeLink('challenge', challenge, BASE)
    expect(await readLink('challenge', rest(link.url, 'challenge'))).toEqual({
      ok: true,
      value: challenge,
    })
  })

  it.each([
    [{ ...challenge, title: 'x'.repeat(121) }, 'title'],
    [{ ...challenge, message: undefined }, 'message'],
    [
      { ...challenge, goals: { version: 9, conditions: [] } },
      'goal is not valid: the goal uses vocabulary version 9',
    ],
    [
      {
        ...challenge,
        goals: {
          version: 1,
          conditions: [{ kind: 'cap-set', container: 'web', set: 'CapEff', equals: 'zz' }],
        },
      },
      'condition 1: cap-set: equals must be 16 lowercase hex digits',
    ],
  ])('validates the challenge fields (%#)', async (payload, message) => {
    const read = await readLink('challenge', `1/${await packJson(payload)}`)
    expect(read).toEqual({ ok: false, error: expect.stringContaining(message) })
  })
})
