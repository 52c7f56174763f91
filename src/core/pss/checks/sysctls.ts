// Control "Sysctls" — baseline. Allowed spec.securityContext.sysctls[*].name (exact match):
// kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies,
// net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start; from v1.27
// net.ipv4.ip_local_reserved_ports; from v1.29 net.ipv4.tcp_keepalive_time, tcp_fin_timeout,
// tcp_keepalive_intvl, tcp_keepalive_probes; from v1.32 net.ipv4.tcp_rmem, tcp_wmem; from v1.37
// net.ipv4.tcp_slow_start_after_idle, tcp_notsent_lowat.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_sysctls.go
import type { Path } from '../../types.ts'
import { arrayAt, isRecord, stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckFn, CheckOutcome, FixDraft } from '../check.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { at } from '../fix-helpers.ts'
import { joinQuote } from '../../util/go-format.ts'

const ALLOWED_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]
const ALLOWED_1_27 = [...ALLOWED_1_0, 'net.ipv4.ip_local_reserved_ports']
const ALLOWED_1_29 = [
  ...ALLOWED_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]
const ALLOWED_1_32 = [...ALLOWED_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']
const ALLOWED_1_37 = [
  ...ALLOWED_1_32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
]

function sysctls(allowed: ReadonlySet<string>): CheckFn {
  return (pod: PodView): CheckOutcome => {
    const names: string[] = []
    const paths: Path[] = []
    ;(arrayAt(pod.podSc, 'sysctls') ?? []).forEach((sysctl, index) => {
      if (!isRecord(sysctl)) return
      // A sysctl without a string name decodes to name "", which is not allowed.
      const name = stringAt(sysctl, 'name') ?? ''
      if (allowed.has(name)) return
      names.push(name)
      paths.push([...POD_SC_PATH, 'sysctls', index, 'name'])
    })
    if (names.length === 0) return ALLOWED
    // Spec order, duplicates kept, no quotes.
    return forbidden('forbidden sysctls', names.join(', '), paths)
  }
}

function sysctlsFix(input: CheckFixInput): FixDraft {
  const { view, outcome } = input
  const indexes = outcome.paths.map((path) => Number(path.at(-2)))
  const items = arrayAt(view.podSc, 'sysctls') ?? []
  const names = indexes.map((index) => {
    const item = items[index]
    return isRecord(item) ? item.name : undefined
  })
  const total = items.length
  const edits =
    indexes.length === total
      ? input.edit.removeEntries(at(input, POD_SC_PATH), ['sysctls'])
      : input.edit.removeEntries(at(input, [...POD_SC_PATH, 'sysctls']), indexes)
  const labels = names.map((name) => (typeof name === 'string' ? name : '(unnamed)'))
  return { title: `Remove the forbidden sysctls ${joinQuote(labels)}`, parts: [edits] }
}

export const sysctlsCheck = defineCheck({
  id: 'sysctls',
  level: 'baseline',
  revisions: [
    { minMinor: 0, run: sysctls(new Set(ALLOWED_1_0)) },
    { minMinor: 27, run: sysctls(new Set(ALLOWED_1_27)) },
    { minMinor: 29, run: sysctls(new Set(ALLOWED_1_29)) },
    { minMinor: 32, run: sysctls(new Set(ALLOWED_1_32)) },
    { minMinor: 37, run: sysctls(new Set(ALLOWED_1_37)) },
  ],
  info: {
    control: 'Sysctls',
    why: 'Sysctls outside the safe, namespaced list can change kernel settings for the whole node or weaken security mechanisms for other pods.',
    fix: 'Keep only the safe sysctls in spec.securityContext.sysctls; tune the node itself through node configuration.',
    docs: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  },
  fix: sysctlsFix,
})
