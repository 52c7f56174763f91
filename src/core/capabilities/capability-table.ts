/**
 * The one table of Linux capabilities (bits 0..40) and the name and kernel-version helpers built
 * on it.
 *
 * Bits and names: `linux/capability.h` (linux-libc-dev 6.1). "Since" versions and the wording of
 * each summary: capabilities(7), man-pages 6.03, section "Capabilities list". Risk notes say what
 * a container can do with the capability that it could not do otherwise, and where the kernel
 * limits that to the host namespaces; they paraphrase capabilities(7), reboot(2) and the kernel
 * sources named beside them, plus well-known container-escape patterns. Seccomp and AppArmor can
 * still block a system call the capability would allow.
 */

export interface CapabilityInfo {
  /** Bit number in the 64-bit masks of `/proc/<pid>/status`. */
  readonly bit: number
  /** Canonical name, e.g. `CAP_CHOWN`. */
  readonly name: string
  /** First Linux version that has it (capabilities(7)). */
  readonly since: string
  /** One-line plain meaning. */
  readonly summary: string
  /** One-line risk note, only for capabilities that are dangerous in a container. */
  readonly risk?: string
}

/** `CAP_LAST_CAP` of the newest kernel headers this table knows (CAP_CHECKPOINT_RESTORE). */
export const CAP_LAST_CAP = 40

/** The cap_last_cap assumed when the node kernel is unknown or cannot be parsed. */
export const DEFAULT_CAP_LAST_CAP = CAP_LAST_CAP

/** Every capability Linux defines, indexed by bit (CAPABILITIES[i].bit === i). */
export const CAPABILITIES: readonly CapabilityInfo[] = [
  {
    bit: 0,
    name: 'CAP_CHOWN',
    since: '2.2',
    summary: 'Change the owner and group of any file.',
  },
  {
    bit: 1,
    name: 'CAP_DAC_OVERRIDE',
    since: '2.2',
    summary: 'Bypass file read, write and execute permission checks.',
    risk: 'Ignores file modes and ACLs: can read and write any file it can reach, including files of other UIDs on mounted volumes and host paths (read-only mounts still hold).',
  },
  {
    bit: 2,
    name: 'CAP_DAC_READ_SEARCH',
    since: '2.2',
    summary:
      'Bypass file read, directory read and directory search permission checks; use open_by_handle_at(2).',
    // open_by_handle_at(2) resolves a handle on the whole filesystem behind the mount fd; the 2014
    // "shocker" exploit brute-forced handles through a file Docker had bind-mounted from the host.
    risk: 'open_by_handle_at(2) opens any file by handle on a host filesystem that has a file bind-mounted into the container (such as /etc/hosts): the 2014 "shocker" escape.',
  },
  {
    bit: 3,
    name: 'CAP_FOWNER',
    since: '2.2',
    summary:
      'Bypass checks that require owning the file (chmod, utime, ACLs, inode flags, sticky directories).',
  },
  {
    bit: 4,
    name: 'CAP_FSETID',
    since: '2.2',
    summary: 'Keep the set-user-ID and set-group-ID bits when a file is modified.',
  },
  {
    bit: 5,
    name: 'CAP_KILL',
    since: '2.2',
    summary: 'Send signals to any process, bypassing permission checks.',
  },
  {
    bit: 6,
    name: 'CAP_SETGID',
    since: '2.2',
    summary: 'Change process GIDs and supplementary groups freely; write user-namespace GID maps.',
    risk: 'Can switch to any GID, so group permissions inside the container and on shared volumes do not stop it.',
  },
  {
    bit: 7,
    name: 'CAP_SETUID',
    since: '2.2',
    summary: 'Change process UIDs freely; write user-namespace UID maps.',
    risk: 'Can switch to any UID, and so act as the owner of any file, including on shared volumes.',
  },
  {
    bit: 8,
    name: 'CAP_SETPCAP',
    since: '2.2',
    summary:
      'Add bounding-set capabilities to the inheritable set, drop from the bounding set, change securebits.',
  },
  {
    bit: 9,
    name: 'CAP_LINUX_IMMUTABLE',
    since: '2.2',
    summary: 'Set the append-only and immutable inode flags.',
  },
  {
    bit: 10,
    name: 'CAP_NET_BIND_SERVICE',
    since: '2.2',
    summary: 'Bind to privileged ports (below 1024).',
  },
  {
    bit: 11,
    name: 'CAP_NET_BROADCAST',
    since: '2.2',
    summary: 'Unused: make socket broadcasts and listen to multicasts.',
  },
  {
    bit: 12,
    name: 'CAP_NET_ADMIN',
    since: '2.2',
    summary:
      'Configure network interfaces, firewall rules, routing tables, promiscuous mode and related socket options.',
    risk: "Can reconfigure the pod's interfaces, routes and firewall rules and so redirect its traffic; with hostNetwork, the node's.",
  },
  {
    bit: 13,
    name: 'CAP_NET_RAW',
    since: '2.2',
    summary: 'Use RAW and PACKET sockets; bind to any address for transparent proxying.',
    // kubernetes/kubernetes#91507 (CVE-2020-10749): rogue IPv6 router adverts from a pod with
    // NET_RAW let it intercept other pods' traffic; whether it works depends on the CNI plugin.
    risk: "Can forge packets (any source address, ARP, IPv6 router adverts); on some CNI plugins that lets a pod intercept other pods' traffic (CVE-2020-10749). In the containerd and Docker defaults.",
  },
  {
    bit: 14,
    name: 'CAP_IPC_LOCK',
    since: '2.2',
    summary: 'Lock memory (mlock, mlockall, mmap, shmctl) and allocate huge pages.',
  },
  {
    bit: 15,
    name: 'CAP_IPC_OWNER',
    since: '2.2',
    summary: 'Bypass permission checks on System V IPC objects.',
  },
  {
    bit: 16,
    name: 'CAP_SYS_MODULE',
    since: '2.2',
    summary: 'Load and unload kernel modules.',
    risk: "A loaded module runs in the node's kernel: full control of the host, unless the node only accepts signed modules.",
  },
  {
    bit: 17,
    name: 'CAP_SYS_RAWIO',
    since: '2.2',
    summary:
      'Raw I/O: I/O ports (iopl, ioperm), /dev/mem, /proc/kcore, MSRs, SCSI commands and other device operations.',
    // iopl/ioperm need no device node; /dev/mem and MSRs do, and the runtimes mask /proc/kcore.
    risk: 'Raw hardware access: x86 I/O ports through iopl(2) need no device, and with the device nodes of a privileged container, physical memory and MSRs.',
  },
  {
    bit: 18,
    name: 'CAP_SYS_CHROOT',
    since: '2.2',
    summary: 'Use chroot(2); change mount namespaces with setns(2).',
  },
  {
    bit: 19,
    name: 'CAP_SYS_PTRACE',
    since: '2.2',
    summary:
      'Trace any process with ptrace(2); read and write its memory (process_vm_readv/writev); inspect it with kcmp(2).',
    risk: "Can read and change the memory of any process it can see (the pod's with shareProcessNamespace, the node's with hostPID) unless AppArmor or Yama forbids it.",
  },
  {
    bit: 20,
    name: 'CAP_SYS_PACCT',
    since: '2.2',
    summary: 'Switch process accounting on and off with acct(2).',
  },
  {
    bit: 21,
    name: 'CAP_SYS_ADMIN',
    since: '2.2',
    summary:
      'The overloaded administration capability: mount, umount, pivot_root, swapon, sethostname, setns, many device and filesystem ioctls, and more.',
    risk: 'capabilities(7) calls it "the new root": mounting (such as cgroup v1 with its release_agent) and namespace operations are the usual escape paths, blocked mainly by seccomp and AppArmor.',
  },
  {
    bit: 22,
    name: 'CAP_SYS_BOOT',
    since: '2.2',
    summary: 'Use reboot(2) and kexec_load(2).',
    // reboot(2), "Behavior inside PID namespaces": outside the initial PID namespace it only
    // terminates the namespace's init; kernel/pid_namespace.c reboot_pid_ns() refuses KEXEC there.
    risk: "With hostPID, reboot(2) restarts the node or boots a kexec-loaded kernel; in its own PID namespace it only kills that namespace's init.",
  },
  {
    bit: 23,
    name: 'CAP_SYS_NICE',
    since: '2.2',
    summary:
      'Raise priority, set real-time scheduling, CPU affinity and I/O priority for any process.',
  },
  {
    bit: 24,
    name: 'CAP_SYS_RESOURCE',
    since: '2.2',
    summary: 'Override resource limits, disk quotas and reserved filesystem space.',
  },
  {
    bit: 25,
    name: 'CAP_SYS_TIME',
    since: '2.2',
    summary: 'Set the system clock and the hardware real-time clock.',
    risk: "The wall clock is not namespaced (time namespaces cover only monotonic and boot time): changing it changes the node's time for every pod.",
  },
  {
    bit: 26,
    name: 'CAP_SYS_TTY_CONFIG',
    since: '2.2',
    summary: 'Use vhangup(2) and privileged ioctls on virtual terminals.',
  },
  {
    bit: 27,
    name: 'CAP_MKNOD',
    since: '2.4',
    summary: 'Create special files with mknod(2).',
  },
  {
    bit: 28,
    name: 'CAP_LEASE',
    since: '2.4',
    summary: 'Take leases on any file.',
  },
  {
    bit: 29,
    name: 'CAP_AUDIT_WRITE',
    since: '2.6.11',
    summary: 'Write records to the kernel audit log.',
  },
  {
    bit: 30,
    name: 'CAP_AUDIT_CONTROL',
    since: '2.6.11',
    summary: 'Enable and disable kernel auditing and change its filter rules.',
    // kernel/audit.c audit_netlink_ok(): AUDIT_SET, AUDIT_ADD_RULE etc. only from the initial
    // PID and user namespaces.
    risk: 'With hostPID, can switch off node-wide kernel auditing or change its rules; the kernel refuses these requests from other PID namespaces.',
  },
  {
    bit: 31,
    name: 'CAP_SETFCAP',
    since: '2.6.24',
    summary:
      'Set any capability on a file; since Linux 5.12 also needed to map UID 0 in a new user namespace.',
  },
  {
    bit: 32,
    name: 'CAP_MAC_OVERRIDE',
    since: '2.6.25',
    summary: 'Override Mandatory Access Control (implemented for Smack).',
    // Only security/smack calls capable(CAP_MAC_OVERRIDE); SELinux and AppArmor grant no bypass.
    risk: 'On nodes that use Smack, bypasses its policy; SELinux and AppArmor do not honour it.',
  },
  {
    bit: 33,
    name: 'CAP_MAC_ADMIN',
    since: '2.6.25',
    // capabilities(7) names only Smack, but AppArmor checks it too before loading policy
    // (security/apparmor/policy.c policy_admin_capable).
    summary:
      'Change Mandatory Access Control configuration or state (Smack rules, AppArmor profiles).',
    risk: 'Where the container can reach the policy interfaces (as a privileged one can), loads or removes AppArmor profiles and changes Smack rules.',
  },
  {
    bit: 34,
    name: 'CAP_SYSLOG',
    since: '2.6.37',
    summary:
      'Privileged syslog(2) operations; see kernel addresses in /proc when kptr_restrict is 1.',
    risk: "Reads and clears the node's kernel log, which is not namespaced, and sees kernel addresses when kptr_restrict is 1, which helps defeat KASLR.",
  },
  {
    bit: 35,
    name: 'CAP_WAKE_ALARM',
    since: '3.0',
    summary: 'Set timers that wake the system up (CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM).',
  },
  {
    bit: 36,
    name: 'CAP_BLOCK_SUSPEND',
    since: '3.5',
    summary: 'Block system suspend (EPOLLWAKEUP, /proc/sys/wake_lock).',
  },
  {
    bit: 37,
    name: 'CAP_AUDIT_READ',
    since: '3.16',
    summary: 'Read the audit log through a multicast netlink socket.',
  },
  {
    bit: 38,
    name: 'CAP_PERFMON',
    since: '5.8',
    summary:
      'Use performance monitoring: perf_event_open(2) and BPF operations with performance impact.',
    risk: 'Bypasses perf_event_paranoid: per-CPU perf events observe the kernel and every process on the node; split out of CAP_SYS_ADMIN.',
  },
  {
    bit: 39,
    name: 'CAP_BPF',
    since: '5.8',
    summary: 'Use privileged BPF operations (bpf(2)).',
    risk: 'Loads privileged BPF program types into the kernel; with CAP_PERFMON, tracing programs read kernel memory, and the verifier is a recurring source of kernel exploits.',
  },
  {
    bit: 40,
    name: 'CAP_CHECKPOINT_RESTORE',
    since: '5.9',
    summary:
      'Checkpoint/restore: write ns_last_pid, choose PIDs with clone3 set_tid, read /proc/<pid>/map_files of other processes.',
    risk: 'Can choose the PIDs of new processes in its PID namespace and open the files other visible processes have mapped; split out of CAP_SYS_ADMIN.',
  },
]

const BY_NAME: ReadonlyMap<string, CapabilityInfo> = new Map(CAPABILITIES.map((c) => [c.name, c]))

/** The capability with this exact canonical name (`CAP_NET_ADMIN`), or undefined. */
export function capabilityByName(canonicalName: string): CapabilityInfo | undefined {
  return BY_NAME.get(canonicalName)
}

/** The capability at `bit` (0..40), or undefined for any other number. */
export function capabilityByBit(bit: number): CapabilityInfo | undefined {
  return Number.isInteger(bit) ? CAPABILITIES[bit] : undefined
}

/**
 * The canonical `CAP_` name for a loosely written one: trims, upper-cases, and adds `CAP_` unless
 * already there. `net_admin`, `NET_ADMIN`, `cap_net_admin` all give `CAP_NET_ADMIN`. The prefix is
 * stripped only once, so `CAP_CAP_NET_ADMIN` stays unknown. Does not check that the name exists.
 */
export function canonicalCapabilityName(name: string): string {
  const upper = name.trim().toUpperCase()
  return upper.startsWith('CAP_') ? upper : `CAP_${upper}`
}

/**
 * Looks a capability up by a loosely written name (see `canonicalCapabilityName`). Undefined for
 * unknown names, including `ALL`. Never throws.
 */
export function lookupCapability(name: string): CapabilityInfo | undefined {
  return BY_NAME.get(canonicalCapabilityName(name))
}

/**
 * The `/proc/sys/kernel/cap_last_cap` of a kernel version string (`major.minor`, anything after
 * is ignored: `5.15.0-91-generic`, `v6.8`). 3.5–3.15 → 36, 3.16–5.7 → 37, 5.8 → 39, from 5.9 →
 * 40. Kernels older than 3.5 also answer 36: the table's oldest step (containerd
 * `pkg/cap/cap_linux.go` starts its known list at 3.5 too). Unparseable input answers the default
 * (40). Never throws.
 */
export function capLastCapForKernel(kernel: string): number {
  const match = /^\s*v?(\d+)(?:\.(\d+))?/i.exec(kernel)
  if (match === null) return DEFAULT_CAP_LAST_CAP
  const major = Number(match[1])
  const minor = match[2] === undefined ? 0 : Number(match[2])
  const at = (maj: number, min: number) => major > maj || (major === maj && minor >= min)
  if (at(5, 9)) return 40
  if (at(5, 8)) return 39
  if (at(3, 16)) return 37
  return 36
}
