/**
 * A content fingerprint of a JSON value: its length and a 53-bit hash of its JSON text
 * (cyrb53, a public-domain string hash by bryc). Two values with equal JSON always get the same
 * fingerprint; different ones collide with odds of about one in 2^53.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? ''
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return `${text.length}:${hash.toString(36)}`
}
