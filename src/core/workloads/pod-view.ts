import type { Path, PodTemplateInput } from '../types.ts'
import { arrayAt, booleanAt, isRecord, recordAt, stringAt } from '../util/json-access.ts'
import type { JsonRecord } from '../util/json-access.ts'
import { CONTAINER_LISTS, type ContainerList } from './containers.ts'

export interface ContainerView {
  /** `name`, or `""` when absent or not a string (what the Go decoder would leave). */
  name: string
  list: ContainerList
  /** `['spec', list, index]`. */
  path: Path
  value: JsonRecord
  /** `securityContext` when it is an object. */
  sc: JsonRecord | undefined
  /** `['spec', list, index, 'securityContext']`. */
  scPath: Path
}

export interface VolumeView {
  name: string
  /** `['spec', 'volumes', index]`. */
  path: Path
  value: JsonRecord
  /** The volume source fields that hold an object, after API-server defaulting. */
  sources: ReadonlySet<string>
}

/**
 * A typed view of the pod template, read the way the Go decoder would see it: a value of the
 * wrong type is treated as absent, and list items of the wrong type are skipped.
 */
export interface PodView {
  /** `spec.securityContext` when it is an object. */
  podSc: JsonRecord | undefined
  /** String-valued annotations, in source order. */
  annotations: ReadonlyArray<readonly [key: string, value: string]>
  /** Init, then regular, then ephemeral containers. */
  containers: readonly ContainerView[]
  volumes: readonly VolumeView[]
  hostNetwork: boolean
  hostPID: boolean
  hostIPC: boolean
  /** `spec.os.name == "windows"` (exact), which some restricted checks skip from v1.25. */
  windows: boolean
  /**
   * `spec.hostUsers` explicitly false (upstream `policy/helpers.go`
   * `relaxPolicyForUserNamespacePod`).
   */
  userNamespace: boolean
}

export const POD_SC_PATH: Path = ['spec', 'securityContext']

// Every inline source of core/v1 VolumeSource (k8s.io/api core/v1 types.go), by JSON name.
const VOLUME_SOURCE_FIELDS: readonly string[] = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
]

/** Builds the {@link PodView} of a pod template. Never throws. */
export function podView(pod: PodTemplateInput): PodView {
  const spec = isRecord(pod.spec) ? pod.spec : undefined
  const annotations = recordAt(pod.metadata, 'annotations') ?? {}
  return {
    podSc: recordAt(spec, 'securityContext'),
    annotations: Object.entries(annotations).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
    containers: readContainers(spec),
    volumes: readVolumes(spec),
    hostNetwork: booleanAt(spec, 'hostNetwork') === true,
    hostPID: booleanAt(spec, 'hostPID') === true,
    hostIPC: booleanAt(spec, 'hostIPC') === true,
    windows: stringAt(recordAt(spec, 'os'), 'name') === 'windows',
    userNamespace: booleanAt(spec, 'hostUsers') === false,
  }
}

function readContainers(spec: JsonRecord | undefined): ContainerView[] {
  const containers: ContainerView[] = []
  for (const { list } of CONTAINER_LISTS) {
    ;(arrayAt(spec, list) ?? []).forEach((value, index) => {
      if (!isRecord(value)) return
      const path: Path = ['spec', list, index]
      containers.push({
        name: stringAt(value, 'name') ?? '',
        list,
        path,
        value,
        sc: recordAt(value, 'securityContext'),
        scPath: [...path, 'securityContext'],
      })
    })
  }
  return containers
}

function readVolumes(spec: JsonRecord | undefined): VolumeView[] {
  const volumes: VolumeView[] = []
  ;(arrayAt(spec, 'volumes') ?? []).forEach((value, index) => {
    if (!isRecord(value)) return
    const sources = new Set(VOLUME_SOURCE_FIELDS.filter((field) => isRecord(value[field])))
    // The API server defaults a volume without any source to emptyDir before admission runs
    // (kubernetes/kubernetes pkg/apis/core/v1/defaults.go, SetDefaults_Volume).
    if (sources.size === 0) sources.add('emptyDir')
    volumes.push({
      name: stringAt(value, 'name') ?? '',
      path: ['spec', 'volumes', index],
      value,
      sources,
    })
  })
  return volumes
}

/** An integer at `key` in int32 range, else undefined (the Go decoder accepts nothing else). */
export function int32At(parent: unknown, key: string): number | undefined {
  return integerAt(parent, key, 2 ** 31)
}

/** An integer at `key` in int64 range, else undefined. */
export function int64At(parent: unknown, key: string): number | undefined {
  return integerAt(parent, key, 2 ** 63)
}

function integerAt(parent: unknown, key: string, limit: number): number | undefined {
  const value = isRecord(parent) ? parent[key] : undefined
  return typeof value === 'number' && Number.isInteger(value) && value >= -limit && value < limit
    ? value
    : undefined
}

export interface CapabilityEntry {
  name: string
  path: Path
}

/** The string items of `capabilities.add` or `.drop` with their paths (other items are skipped). */
export function capabilityList(c: ContainerView, list: 'add' | 'drop'): CapabilityEntry[] {
  const entries: CapabilityEntry[] = []
  ;(arrayAt(recordAt(c.sc, 'capabilities'), list) ?? []).forEach((name, index) => {
    if (typeof name === 'string') {
      entries.push({ name, path: [...c.scPath, 'capabilities', list, index] })
    }
  })
  return entries
}

/** A drop entry that spells ALL in another case, which admission does not accept. */
export function isMiscasedAll(name: string): boolean {
  return name !== 'ALL' && name.toUpperCase() === 'ALL'
}
