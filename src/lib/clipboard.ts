/**
 * Writing to the clipboard. The Clipboard API exists only in secure contexts and may be refused
 * (no permission, document not focused); each call here answers whether the text was copied, so
 * the caller can offer the text to copy by hand instead. Never throws.
 */

/** Copies through the Clipboard API only. */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Copies through the Clipboard API, else through the old selection API (non-secure origins, older
 * browsers, a refused permission).
 */
export async function copyText(text: string): Promise<boolean> {
  return (await writeClipboard(text)) || copyWithSelection(text)
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  let ok: boolean
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  area.remove()
  return ok
}
