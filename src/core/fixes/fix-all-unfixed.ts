// What `fixAll` leaves for a person, per workload: each finding still failing at the level, and
// containers the kubelet may refuse, with why no fix was made and what can be done.
import { rulesMinor } from '../pss/version.ts'
import type { CheckId, PssCheck, Workload } from '../types.ts'
import type { FixDecisions, UnfixedFinding } from './fix-all-types.ts'

type Advice = Pick<UnfixedFinding, 'reason' | 'choices' | 'decision'>

const NAMESPACE_CHOICE = (level: string) =>
  `Keep it, and run the workload in a namespace whose pod-security.kubernetes.io/enforce label is ${level}`

const VOLUME_ADVICE: Advice = {
  reason:
    'The workload may need what this volume gives it, and only you know which volume type could replace it.',
  choices: [
    'Replace it with an emptyDir, configMap, secret, projected or persistentVolumeClaim volume',
    'Move the storage behind a persistentVolumeClaim (the PersistentVolume holds the source)',
  ],
}

const NODE_AGENT_ADVICE: Advice = {
  reason:
    'A DaemonSet that uses the node’s namespaces or ports is usually a node agent (a network plugin, a metrics exporter) that stops working without them.',
  choices: ['Remove them anyway', NAMESPACE_CHOICE('privileged')],
  decision: 'removeNodeAgentHostAccess',
}

const UID_CHOICES = [
  'Choose a non-zero UID the image works with (written as runAsUser)',
  'Check that the image’s USER is a non-zero number, then set runAsNonRoot: true yourself',
]

function advice(check: PssCheck, workload: Workload): Advice {
  switch (check.id) {
    case 'hostPathVolumes':
      return {
        ...VOLUME_ADVICE,
        choices: [...VOLUME_ADVICE.choices, NAMESPACE_CHOICE('privileged')],
      }
    case 'restrictedVolumes':
      return { ...VOLUME_ADVICE, choices: [...VOLUME_ADVICE.choices, NAMESPACE_CHOICE('baseline')] }
    case 'hostNamespaces':
    case 'hostPorts':
      if (workload.kind === 'DaemonSet') return NODE_AGENT_ADVICE
      break
    case 'runAsNonRoot':
      return {
        reason:
          'runAsNonRoot: true alone makes the kubelet refuse to start a container whose image runs as root, has no USER or names its USER; a runAsUser decides the UID.',
        choices: UID_CHOICES,
        decision: 'runAsUser',
      }
    case 'runAsUser':
      return {
        reason:
          'runAsUser: 0 runs the container as root; which UID it can run as depends on the image.',
        choices: UID_CHOICES.slice(0, 1),
        decision: 'runAsUser',
      }
    case 'seccompProfile_baseline':
    case 'seccompProfile_restricted':
      if (check.ranges.length > 0 && rulesMinor(workload.podSecurity.rulesVersion) < 19) {
        return {
          reason: 'Before v1.19 Pod Security reads seccomp from annotations, which no fix edits.',
          choices: [
            'Set the annotation seccomp.security.alpha.kubernetes.io/pod to runtime/default',
            'Evaluate at v1.19 or newer, where the seccompProfile field counts',
          ],
        }
      }
      break
    default:
      break
  }
  return {
    reason:
      'No safe minimal edit could be made here (an anchor, alias, merge key, block scalar or comment is in the way).',
    choices: ['Edit the field by hand'],
  }
}

/** The findings of `workload` (analysed after the fixes) that still need a person. */
export function unfixedFindings(
  workload: Workload,
  atLevel: ReadonlySet<CheckId>,
  decisions: FixDecisions,
): UnfixedFinding[] {
  const findings: UnfixedFinding[] = workload.podSecurity.checks
    .filter((check) => !check.allowed && atLevel.has(check.id))
    .map((check) => ({
      code: check.id,
      ...advice(check, workload),
      ranges: check.ranges.length > 0 ? check.ranges : [workload.podSpecRange],
    }))
  // Passing Pod Security is not starting: runAsNonRoot without a UID leaves it to the image.
  const uncertain = workload.containers.filter(
    (c) =>
      c.settings.runAsNonRoot.value === true &&
      (c.settings.runAsUser.source === 'default' || c.settings.runAsUser.value === 0),
  )
  if (uncertain.length > 0 && !findings.some((f) => f.code === 'runAsNonRoot')) {
    findings.push({
      code: 'kubelet-runAsNonRoot',
      reason: `runAsNonRoot is true but ${uncertain.length === 1 ? 'container' : 'containers'} ${uncertain.map((c) => `"${c.name}"`).join(', ')} ${uncertain.length === 1 ? 'has' : 'have'} no non-zero runAsUser: the kubelet refuses to start ${uncertain.length === 1 ? 'it' : 'them'} if the image runs as root, has no USER or names its USER.`,
      choices: UID_CHOICES,
      ...(decisions.runAsUser === undefined ? { decision: 'runAsUser' as const } : {}),
      ranges: uncertain.map((c) => c.settings.runAsNonRoot.range ?? c.range),
    })
  }
  return findings
}
