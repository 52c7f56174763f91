/**
 * The hardening path at `#/learn`: short lessons, each a starting manifest, a goal in words, goal
 * conditions the core checks live, hints, and an explanation shown on success. The values a
 * learner sees (CapEff, NoNewPrivs, levels) are computed by the core from the text they edit;
 * `solution` exists only so tests can prove every lesson can be completed.
 */
import type { AnalysisOptions, GoalCondition } from '../core/index.ts'

export interface Lesson {
  id: string
  title: string
  /** Two or three sentences that set the scene. */
  intro: string
  /** The goal in words; the conditions below say the same thing as data. */
  goal: string
  start: string
  /** Assumptions for this lesson (e.g. an older node kernel); the rest are the defaults. */
  options?: Partial<AnalysisOptions>
  conditions: GoalCondition[]
  hints: string[]
  /** Shown once every condition is met. */
  explanation: string
  /** A reference solution, used by the tests (never shown). */
  solution: string
}

/**
 * The lessons' web pod. `afterImage` goes below the container's image line (its securityContext,
 * resources or mounts, and then perhaps the pod's volumes); `spec` goes at the top of the pod spec.
 */
const pod = (afterImage: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:${spec}
  containers:
    - name: web
      image: nginx:1.27${afterImage}
`

/** The web pod with one volume mounted at `mountPath`; `source` is the volume's source. */
const podWithVolume = (name: string, mountPath: string, source: string) =>
  pod(`
      volumeMounts:
        - name: ${name}
          mountPath: ${mountPath}
  volumes:
    - name: ${name}
      ${source}`)

/** The "best practice" Deployment: `podSpec` goes above its containers; `drop` names the caps. */
const apiDeployment = (podSpec: string, drop: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:${podSpec}
      containers:
        - name: api
          image: ghcr.io/example/api:1.4
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["${drop}"]
`

export const LESSONS: readonly Lesson[] = [
  {
    id: 'capabilities',
    title: 'Capabilities and CapEff',
    intro:
      'A container that sets nothing still gets the runtime’s default capabilities. With containerd that is 14 of them: look at the CapEff line for this root container.',
    goal: 'Keep only the capability a web server needs to bind port 80: drop everything, then add NET_BIND_SERVICE back.',
    start: pod(''),
    conditions: [{ kind: 'cap-set', container: 'web', set: 'CapEff', equals: '0000000000000400' }],
    hints: [
      'Add a securityContext to the container with a capabilities block.',
      'drop: ["ALL"] empties every set; add: ["NET_BIND_SERVICE"] puts bit 10 (0x400) back.',
    ],
    explanation:
      'containerd applies drop ALL first and the add list after it, whatever order you write them in, so the bounding, permitted and effective sets hold exactly CAP_NET_BIND_SERVICE: 0x400.',
    solution: pod(`
      securityContext:
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]`),
  },
  {
    id: 'privileged',
    title: 'Privileged containers',
    intro:
      'This node runs a 5.4 kernel. A privileged container receives every capability that kernel knows, and no seccomp filter: read its CapEff.',
    goal: 'Make the container unprivileged again, so it runs with the runtime defaults.',
    start: pod(`
      securityContext:
        privileged: true`),
    options: { kernel: '5.4' },
    conditions: [
      { kind: 'check-passes', check: 'privileged', version: 'latest' },
      { kind: 'cap-set', container: 'web', set: 'CapEff', equals: '00000000a80425fb' },
    ],
    hints: ['Set privileged to false, or remove the line: it defaults to false.'],
    explanation:
      'Without privileged the runtime falls back to its 14 default capabilities. Privileged also lifts seccomp, AppArmor, masked /proc paths and gives access to host devices: it is almost the host.',
    solution: pod(''),
  },
  {
    id: 'non-root',
    title: 'Running as non-root',
    intro:
      'Most images set no USER, so the process is root (UID 0) and its effective set equals the bounding set.',
    goal: 'Run the container as UID 1000 and ask the kubelet to refuse root.',
    start: pod(''),
    conditions: [
      { kind: 'non-root-uid', container: 'web' },
      { kind: 'check-passes', check: 'runAsNonRoot', version: 'latest' },
      { kind: 'kubelet-starts' },
    ],
    hints: [
      'runAsNonRoot: true alone makes the kubelet refuse this image, which runs as root.',
      'Set runAsUser: 1000 beside runAsNonRoot: true.',
    ],
    explanation:
      'A non-root process loses its permitted and effective capabilities at exec: CapEff is 0 even though the bounding set still lists the defaults. runAsNonRoot makes the kubelet check the UID before it starts the container.',
    solution: pod(`
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000`),
  },
  {
    id: 'no-new-privs',
    title: 'Privilege escalation and no_new_privs',
    intro:
      'allowPrivilegeEscalation is unset, so it defaults to allowed: a setuid binary in the image could make the process root again.',
    goal: 'Set the no_new_privs flag on the process.',
    start: pod(`
      securityContext:
        runAsUser: 1000`),
    conditions: [
      { kind: 'no-new-privs', container: 'web', equals: 1 },
      { kind: 'check-passes', check: 'allowPrivilegeEscalation', version: 'latest' },
    ],
    hints: ['allowPrivilegeEscalation: false is the field that sets no_new_privs.'],
    explanation:
      'The kubelet turns allowPrivilegeEscalation: false into the runtime’s noNewPrivileges, and /proc/<pid>/status then shows NoNewPrivs: 1. setuid bits and file capabilities can no longer raise privileges at exec.',
    solution: pod(`
      securityContext:
        runAsUser: 1000
        allowPrivilegeEscalation: false`),
  },
  {
    id: 'read-only-root',
    title: 'Read-only root filesystem',
    intro:
      'An attacker who gets a shell in a writable container can drop tools or change the application’s files.',
    goal: 'Mount the container’s root filesystem read-only.',
    start: pod(''),
    conditions: [{ kind: 'read-only-root-filesystem', container: 'web' }],
    hints: [
      'readOnlyRootFilesystem: true in the container’s securityContext.',
      'Mount an emptyDir where the application must write (for nginx: /var/cache/nginx and /var/run).',
    ],
    explanation:
      'The root filesystem is now read-only. Pod Security does not require this, but it is one of the cheapest hardening steps; give the app emptyDir volumes for the paths it writes.',
    solution: pod(`
      securityContext:
        readOnlyRootFilesystem: true`),
  },
  {
    id: 'seccomp',
    title: 'Seccomp',
    intro:
      'Unless the kubelet’s seccompDefault is on, a pod that says nothing about seccomp runs Unconfined: every system call is allowed.',
    goal: 'Run the container under the runtime’s default seccomp profile.',
    start: pod(''),
    conditions: [
      { kind: 'seccomp-filter', container: 'web' },
      { kind: 'check-passes', check: 'seccompProfile_restricted', version: 'latest' },
    ],
    hints: [
      'seccompProfile: {type: RuntimeDefault} in the pod’s or the container’s securityContext.',
    ],
    explanation:
      'RuntimeDefault applies the runtime’s filter, which blocks dozens of rarely used, risky system calls (such as unshare of user namespaces, kexec_load, bpf for unprivileged use). /proc/<pid>/status shows Seccomp: 2.',
    solution: pod(
      '',
      `
  securityContext:
    seccompProfile:
      type: RuntimeDefault`,
    ),
  },
  {
    id: 'apparmor',
    title: 'AppArmor',
    intro:
      'Someone switched AppArmor off for this container. Baseline forbids Unconfined: only RuntimeDefault or a Localhost profile pass.',
    goal: 'Give the container the runtime’s default AppArmor profile.',
    start: pod(`
      securityContext:
        appArmorProfile:
          type: Unconfined`),
    conditions: [
      { kind: 'check-passes', check: 'appArmorProfile', version: 'latest' },
      { kind: 'kubelet-starts' },
    ],
    hints: ['Change the type to RuntimeDefault, or remove the profile to get the default.'],
    explanation:
      'With AppArmor enabled on the node, the runtime confines the container with its default profile, which denies writes to /proc and /sys and mounting filesystems.',
    solution: pod(`
      securityContext:
        appArmorProfile:
          type: RuntimeDefault`),
  },
  {
    id: 'host-namespaces',
    title: 'Host namespaces',
    intro:
      'This pod shares the node’s network and process namespaces: it sees every process on the node and can listen on the node’s interfaces.',
    goal: 'Give the pod its own network and PID namespaces.',
    start: pod(
      '',
      `
  hostNetwork: true
  hostPID: true`,
    ),
    conditions: [
      { kind: 'check-passes', check: 'hostNamespaces', version: 'latest' },
      { kind: 'pod-security', level: 'baseline', version: 'latest' },
    ],
    hints: ['Remove hostNetwork and hostPID, or set them to false.'],
    explanation:
      'Without host namespaces the pod gets its own network stack and process tree. Only node agents (CNI plugins, monitoring daemons) should ever need them.',
    solution: pod(''),
  },
  {
    id: 'host-path',
    title: 'hostPath volumes',
    intro:
      'Mounting the container runtime’s socket from the node hands the container control of every container on that node.',
    goal: 'Replace the hostPath volume with an emptyDir.',
    start: podWithVolume(
      'sock',
      '/run/containerd/containerd.sock',
      `hostPath:
        path: /run/containerd/containerd.sock`,
    ),
    conditions: [{ kind: 'check-passes', check: 'hostPathVolumes', version: 'latest' }],
    hints: ['Replace the hostPath block with emptyDir: {} (and mount it somewhere harmless).'],
    explanation:
      'Baseline forbids hostPath volumes outright: any path on the node can be a way out of the container.',
    solution: podWithVolume('scratch', '/scratch', 'emptyDir: {}'),
  },
  {
    id: 'resources',
    title: 'Resources',
    intro:
      'Without a memory limit one container can use all of the node’s memory, and the kernel’s OOM killer then picks victims among its neighbours.',
    goal: 'Give the container a memory limit and a CPU request.',
    start: pod(''),
    conditions: [
      { kind: 'resource-set', container: 'web', bound: 'limits', resource: 'memory' },
      { kind: 'resource-set', container: 'web', bound: 'requests', resource: 'cpu' },
    ],
    hints: ['resources: {requests: {cpu: 100m}, limits: {memory: 128Mi}} under the container.'],
    explanation:
      'The memory limit becomes the container’s cgroup memory.max; the CPU request sets its share of CPU time and helps the scheduler place the pod.',
    solution: pod(`
      resources:
        requests:
          cpu: 100m
        limits:
          memory: 128Mi`),
  },
  {
    id: 'best-practice-deployment',
    title: 'The “best practice” Deployment',
    intro:
      'This Deployment follows a popular hardening snippet: non-root, no privilege escalation, read-only root, drop "all". It is still only baseline. Read the restricted findings to see why.',
    goal: 'Make it restricted at v1.30 without losing what it already does.',
    start: apiDeployment('', 'all'),
    conditions: [
      { kind: 'pod-security', level: 'restricted', version: 'v1.30' },
      { kind: 'cap-set', container: 'api', set: 'CapBnd', equals: '0000000000000000' },
    ],
    hints: [
      'The runtime accepts lowercase "all"; Pod Security compares the exact string "ALL".',
      'Restricted also requires a seccomp profile: RuntimeDefault or Localhost.',
    ],
    explanation:
      'containerd upper-cases capability names, so "all" already emptied the bounding set, but admission checks the literal "ALL". And restricted needs seccompProfile RuntimeDefault (or Localhost) since v1.19.',
    solution: apiDeployment(
      `
      securityContext:
        seccompProfile:
          type: RuntimeDefault`,
      'ALL',
    ),
  },
  {
    id: 'pod-security-levels',
    title: 'Pod Security levels',
    intro:
      'Privileged, baseline and restricted tie the previous lessons together. This pod fails baseline twice.',
    goal: 'Bring the pod to restricted at v1.30, and keep it startable.',
    start: pod(
      `
      securityContext:
        privileged: true`,
      `
  hostNetwork: true`,
    ),
    conditions: [
      { kind: 'pod-security', level: 'restricted', version: 'v1.30' },
      { kind: 'kubelet-starts' },
      { kind: 'cap-set', container: 'web', set: 'CapEff', equals: '0000000000000000' },
    ],
    hints: [
      'Remove hostNetwork and privileged first: that reaches baseline.',
      'Restricted then needs runAsNonRoot, allowPrivilegeEscalation: false, drop ALL and a seccomp profile.',
    ],
    explanation:
      'Restricted is baseline plus a non-root user, no privilege escalation, only NET_BIND_SERVICE addable after dropping ALL, and a seccomp filter. Your container now starts with CapEff 0.',
    solution: pod(
      `
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
        seccompProfile:
          type: RuntimeDefault`,
    ),
  },
]

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}
