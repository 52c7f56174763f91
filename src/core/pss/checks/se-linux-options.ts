// Control "SELinux" — baseline. Allowed seLinuxOptions.type: undefined/"", container_t,
// container_init_t, container_kvm_t, and from v1.31 container_engine_t; seLinuxOptions.user and
// .role undefined/"" (level is not checked). Pod and container level.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_seLinuxOptions.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import type { JsonRecord } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckFn, CheckOutcome, FixDraft } from '../check.ts'
import { containersPhrase, joinQuote, pluralize, sortedDistinct } from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, removeKeys } from '../fix-helpers.ts'
import { SECURITY_CONTEXT } from '../docs-links.ts'

const ALLOWED_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t']
const ALLOWED_TYPES_1_31 = [...ALLOWED_TYPES_1_0, 'container_engine_t']

function seLinuxOptions(allowedTypes: ReadonlySet<string>): CheckFn {
  return (pod: PodView): CheckOutcome => {
    const badTypes: string[] = []
    const paths: Path[] = []
    let setUser = false
    let setRole = false
    // Records what is wrong with one seLinuxOptions object; true when it is valid.
    const valid = (options: JsonRecord, path: Path): boolean => {
      const type = stringAt(options, 'type') ?? ''
      const user = stringAt(options, 'user') ?? ''
      const role = stringAt(options, 'role') ?? ''
      if (!allowedTypes.has(type)) {
        badTypes.push(type)
        paths.push([...path, 'type'])
      }
      if (user !== '') {
        setUser = true
        paths.push([...path, 'user'])
      }
      if (role !== '') {
        setRole = true
        paths.push([...path, 'role'])
      }
      return allowedTypes.has(type) && user === '' && role === ''
    }

    const setters: string[] = []
    const podOptions = recordAt(pod.podSc, 'seLinuxOptions')
    if (podOptions !== undefined && !valid(podOptions, [...POD_SC_PATH, 'seLinuxOptions'])) {
      setters.push('pod')
    }
    const badContainers = pod.containers.filter((c) => {
      const options = recordAt(c.sc, 'seLinuxOptions')
      return options !== undefined && !valid(options, [...c.scPath, 'seLinuxOptions'])
    })
    if (badContainers.length > 0) setters.push(containersPhrase(badContainers.map((c) => c.name)))
    if (setters.length === 0) return ALLOWED

    const parts: string[] = []
    const types = sortedDistinct(badTypes)
    if (types.length > 0)
      parts.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`)
    if (setUser) parts.push('user may not be set')
    if (setRole) parts.push('role may not be set')
    return forbidden(
      'seLinuxOptions',
      `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${parts.join('; ')}`,
      paths,
    )
  }
}

// check_seLinuxOptions.go: user and role must be empty and type one of the container types;
// removing the forbidden keys leaves the runtime's defaults.
function seLinuxOptionsFix(input: CheckFixInput): FixDraft {
  const keys = sortedDistinct(input.outcome.paths.map((path) => String(path.at(-1))))
  return {
    title: `Remove seLinuxOptions ${keys.join(', ')} from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

export const seLinuxOptionsCheck = defineCheck({
  id: 'seLinuxOptions',
  level: 'baseline',
  revisions: [
    { minMinor: 0, run: seLinuxOptions(new Set(ALLOWED_TYPES_1_0)) },
    { minMinor: 31, run: seLinuxOptions(new Set(ALLOWED_TYPES_1_31)) },
  ],
  info: {
    control: 'SELinux',
    why: 'A custom SELinux type, user or role can move the container out of the confined container domain that keeps it away from the node’s files and processes.',
    fix: 'Do not set seLinuxOptions.user or .role; leave .type unset or use an allowed container type such as container_t.',
    docs: `${SECURITY_CONTEXT}#assign-selinux-labels-to-a-container`,
  },
  fix: seLinuxOptionsFix,
})
