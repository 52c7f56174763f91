import { downloadText } from '../../lib/download.ts'
import { analyseCurrent, currentManifest } from './current-manifest.ts'

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
