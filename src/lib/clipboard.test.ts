import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText, writeClipboard } from './clipboard.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** A page whose Clipboard API (if any) and selection copy behave as given. */
function stubPage(writeText: ((text: string) => Promise<void>) | undefined, execCopy: boolean) {
  vi.stubGlobal('navigator', writeText ? { clipboard: { writeText } } : {})
  const area = {
    value: '',
    style: {},
    setAttribute: vi.fn(),
    select: vi.fn(),
    remove: vi.fn(),
  }
  const execCommand = vi.fn(() => execCopy)
  vi.stubGlobal('document', {
    createElement: () => area,
    body: { appendChild: vi.fn() },
    execCommand,
  })
  return { area, execCommand }
}

const refused = () =>
  Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))

describe('writeClipboard', () => {
  it('answers true when the Clipboard API took the text', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    stubPage(writeText, false)
    expect(await writeClipboard('text')).toBe(true)
    expect(writeText).toHaveBeenCalledWith('text')
  })

  it.each([
    ['refused', refused],
    ['missing (insecure origin)', undefined],
  ])('answers false when the Clipboard API is %s', async (_, writeText) => {
    stubPage(writeText, true)
    expect(await writeClipboard('text')).toBe(false)
  })
})

describe('copyText', () => {
  it('does not touch the selection when the Clipboard API copied', async () => {
    const { execCommand } = stubPage(() => Promise.resolve(), true)
    expect(await copyText('text')).toBe(true)
    expect(execCommand).not.toHaveBeenCalled()
  })

  it('copies through a selected text area when the Clipboard API is refused', async () => {
    const { area, execCommand } = stubPage(refused, true)
    expect(await copyText('text')).toBe(true)
    expect(area.value).toBe('text')
    expect(execCommand).toHaveBeenCalledWith('copy')
    expect(area.remove).toHaveBeenCalled()
  })

  it('answers false when neither way copies', async () => {
    const { area } = stubPage(undefined, false)
    expect(await copyText('text')).toBe(false)
    expect(area.remove).toHaveBeenCalled()
  })
})
