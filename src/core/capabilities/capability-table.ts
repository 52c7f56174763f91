/**
 * The one table of Linux capabilities (bits 0..40) and the name and kernel-version helpers built
 * on it.
 *
 * Bits and names: `linux/capability.h` (linux-libc-dev 6.1). "Since" versions and the wording of
 * each summary: capabilities(7), man-pages 6.03, section "Capabilities list". Risk notes say what
 * a container can do with the capability that it could not do otherwise; they are short
 * paraphrases of the same man page plus, where noted, well-known container-escape patterns.
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
    risk: 'Root can read and write every file it can reach, whatever its mode, including mounted host paths and secrets.',
  },
  {
    bit: 2,
    name: 'CAP_DAC_READ_SEARCH',
    since: '2.2',
    summary: 'Bypass file read and directory search permission checks; use open_by_handle_at(2).',
    risk: 'open_by_handle_at(2) can open files by handle outside the container root, the basis of the "shocker" escape that read host files.',
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
    risk: 'Can switch to any group, so group-based file permissions do not separate processes.',
  },
  {
    bit: 7,
    name: 'CAP_SETUID',
    since: '2.2',
    summary: 'Change process UIDs freely; write user-namespace UID maps.',
    risk: 'Can switch to any user ID, so dropping to another user inside the container is not a boundary.',
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
    risk: "Can rewrite the pod's routes and firewall rules and sniff or redirect its traffic; with hostNetwork, the node's.",
  },
  {
    bit: 13,
    name: 'CAP_NET_RAW',
    since: '2.2',
    summary: 'Use RAW and PACKET sockets; bind to any address for transparent proxying.',
    risk: 'Raw sockets can forge packets (ARP and DNS spoofing against neighbours on the pod network); in the containerd and Docker defaults.',
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
    risk: "A module runs as code in the node's kernel: full control of the host.",
  },
  {
    bit: 17,
    name: 'CAP_SYS_RAWIO',
    since: '2.2',
    summary:
      'Raw I/O: I/O ports (iopl, ioperm), /dev/mem, /proc/kcore, MSRs, SCSI commands and other device operations.',
    risk: 'Direct access to hardware and physical or kernel memory where the devices are present (as in privileged containers).',
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
    risk: 'Can read and change the memory of every process it can see: other containers with shareProcessNamespace, the whole node with hostPID.',
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
    risk: 'capabilities(7) calls it "the new root": mounts, namespace changes and device-cgroup changes are the usual container-escape paths.',
  },
  {
    bit: 22,
    name: 'CAP_SYS_BOOT',
    since: '2.2',
    summary: 'Use reboot(2) and kexec_load(2).',
    risk: 'kexec_load(2) can load a new kernel to boot; outside a user namespace, reboot(2) restarts the node.',
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
    risk: "The wall clock is not namespaced: changing it changes the node's time for every pod (TLS, tokens, logs).",
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
    risk: 'Kernel auditing is node-wide: this can switch it off or blind its rules for every workload.',
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
    risk: 'Bypasses the mandatory access control policy meant to confine the container.',
  },
  {
    bit: 33,
    name: 'CAP_MAC_ADMIN',
    since: '2.6.25',
    summary: 'Change Mandatory Access Control configuration or state (implemented for Smack).',
    risk: 'Can change the mandatory access control policy itself (AppArmor also requires it to load or remove profiles).',
  },
  {
    bit: 34,
    name: 'CAP_SYSLOG',
    since: '2.6.37',
    summary:
      'Privileged syslog(2) operations; see kernel addresses in /proc when kptr_restrict is 1.',
    risk: "Reads the node's kernel log and kernel addresses, which helps defeat KASLR in a kernel exploit.",
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
    risk: 'System-wide perf events can observe the kernel and other processes on the node; split out of CAP_SYS_ADMIN.',
  },
  {
    bit: 39,
    name: 'CAP_BPF',
    since: '5.8',
    summary: 'Use privileged BPF operations (bpf(2)).',
    risk: 'Loads BPF programs into the kernel; with CAP_PERFMON they can read kernel memory, and the verifier is a recurring source of kernel exploits.',
  },
  {
    bit: 40,
    name: 'CAP_CHECKPOINT_RESTORE',
    since: '5.9',
    summary:
      'Checkpoint/restore: write ns_last_pid, choose PIDs with clone3 set_tid, read /proc/<pid>/map_files of other processes.',
    risk: 'Can pick the PIDs of new processes and read the memory-mapped files of other processes it can see; split out of CAP_SYS_ADMIN.',
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
