import type { AnalysisOptions, ContainerAnalysis, Setting, SettingSource } from '../core/index.ts'
import { runtimeLabel } from '../core/index.ts'

/** One plain fact about what a container runs with, and where it comes from. */
export interface Fact {
  /** What the facts line calls it, e.g. `user`, `capabilities`. */
  topic: 'user' | 'capabilities' | 'seccomp' | 'escalation' | 'root-fs' | 'host'
  text: string
  /** Where the value comes from, in words: `pod`, `container`, `default: kubelet`, `assumed: image USER`. */
  source: string
  /** A risk, said in the text itself; the styling only repeats it. */
  risk: boolean
  /** The assumption the fact rests on, when it does. */
  assumption?: keyof AnalysisOptions
}

function sourceWords(setting: Setting, whenDefault: string): string {
  const words: Record<SettingSource, string> = {
    pod: 'pod',
    container: 'container',
    default: whenDefault,
  }
  return words[setting.source]
}

function userFact(c: ContainerAnalysis): Fact {
  const { runAsUser, runAsNonRoot } = c.settings
  const value = runAsUser.value
  if (runAsUser.source !== 'default') {
    const source = sourceWords(runAsUser, '')
    if (value === 0) return { topic: 'user', text: 'runs as root (UID 0)', source, risk: true }
    return { topic: 'user', text: `runs as UID ${String(value)}`, source, risk: false }
  }
  const assumed = { source: 'assumed: image USER', assumption: 'imageUser' as const }
  if (value === null) {
    return runAsNonRoot.value === true
      ? {
          topic: 'user',
          text: "runs as the image's USER, which must be non-root",
          risk: false,
          ...assumed,
        }
      : {
          topic: 'user',
          text: "runs as the image's USER (unknown; root if the image sets none)",
          risk: true,
          ...assumed,
        }
  }
  if (value === 0) return { topic: 'user', text: 'runs as root (UID 0)', risk: true, ...assumed }
  if (typeof value === 'string')
    return { topic: 'user', text: `runs as user "${value}"`, risk: false, ...assumed }
  return { topic: 'user', text: `runs as UID ${String(value)}`, risk: false, ...assumed }
}

function capabilitiesFact(c: ContainerAnalysis, runtime: AnalysisOptions['runtime']): Fact {
  const setting = c.settings.capabilities
  const source =
    c.settings.privileged.value === true
      ? sourceWords(c.settings.privileged, '')
      : sourceWords(setting, `default: ${runtimeLabel(runtime)}`)
  if (c.settings.privileged.value === true)
    return {
      topic: 'capabilities',
      text: 'privileged: every capability and all host devices',
      source,
      risk: true,
    }
  const count = c.capabilities.names.CapEff.length
  if (count === 0)
    return { topic: 'capabilities', text: '0 effective capabilities', source, risk: false }
  const noun = count === 1 ? 'capability' : 'capabilities'
  // Unknown UID: the sets are computed for root, so say on what condition they apply.
  const ifRoot = c.capabilities.uid === null && c.settings.runAsUser.value === null
  return {
    topic: 'capabilities',
    text: `${count} ${noun} in effect${ifRoot ? ' if the image runs as root' : ''}`,
    source,
    risk: true,
  }
}

function seccompFact(c: ContainerAnalysis): Fact {
  const setting = c.settings.seccompProfile
  const source = sourceWords(setting, 'default: kubelet')
  if (c.settings.privileged.value === true)
    return {
      topic: 'seccomp',
      text: 'no seccomp filter (privileged)',
      source: sourceWords(c.settings.privileged, ''),
      risk: true,
    }
  const value = setting.value
  const type =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value.type : undefined
  if (type === 'Unconfined' || typeof type !== 'string')
    return { topic: 'seccomp', text: 'seccomp Unconfined: no syscall filter', source, risk: true }
  return { topic: 'seccomp', text: `seccomp ${type}`, source, risk: false }
}

function escalationFact(c: ContainerAnalysis): Fact {
  const setting = c.settings.allowPrivilegeEscalation
  const source = sourceWords(setting, 'default')
  return c.capabilities.noNewPrivs === 1
    ? { topic: 'escalation', text: 'no privilege escalation', source, risk: false }
    : { topic: 'escalation', text: 'privilege escalation allowed', source, risk: true }
}

function rootFsFact(c: ContainerAnalysis): Fact {
  const setting = c.settings.readOnlyRootFilesystem
  const source = sourceWords(setting, 'default')
  return setting.value === true
    ? { topic: 'root-fs', text: 'read-only root filesystem', source, risk: false }
    : { topic: 'root-fs', text: 'writable root filesystem', source, risk: false }
}

const HOST_NAMESPACES = [
  ['hostNetwork', 'network'],
  ['hostPID', 'processes'],
  ['hostIPC', 'IPC'],
] as const

function hostFact(c: ContainerAnalysis): Fact | null {
  const shared = HOST_NAMESPACES.filter(([field]) => c.settings[field].value === true)
  if (shared.length === 0) return null
  return {
    topic: 'host',
    text: `shares the host's ${shared.map(([, what]) => what).join(', ')}`,
    source: 'pod',
    risk: true,
  }
}

/** The container at a glance: who it runs as, its capabilities, seccomp, escalation, root fs. */
export function containerFacts(c: ContainerAnalysis, runtime: AnalysisOptions['runtime']): Fact[] {
  const host = hostFact(c)
  return [
    userFact(c),
    capabilitiesFact(c, runtime),
    seccompFact(c),
    escalationFact(c),
    rootFsFact(c),
    ...(host ? [host] : []),
  ]
}
