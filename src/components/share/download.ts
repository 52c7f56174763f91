import { analyseCurrent, currentManifest } from './current-manifest.ts'

/** Saves text as a file through a Blob URL: the browser writes it locally, no request is made. */
export function downloadText(text: string, fileName: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name for the manifest: the first workload's name when it is a safe one. */
export function manifestFileName(workloadName: string | undefined): string {
  const safe =
    workloadName && /^[a-z0-9][a-z0-9.-]{0,62}$/.test(workloadName) ? workloadName : 'manifest'
  return `${safe}.yaml`
}

/** Downloads the current text as a file named after its first workload. */
export async function downloadCurrentYaml(): Promise<void> {
  const { source } = currentManifest()
  const analysis = await analyseCurrent()
  downloadText(source, manifestFileName(analysis.workloads[0]?.name))
}
