// Control "Volume Types" — restricted (replaces hostPathVolumes). Allowed: every volume uses
// configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or
// secret. A volume without any source is defaulted to emptyDir by the API server (see pod-view).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_restrictedVolumes.go
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { joinQuote, pluralize, sortedDistinct } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { RESTRICTED_DOCS } from '../docs-links.ts'

const ALLOWED_SOURCES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]

// The type reported for a forbidden volume is the first of these that is present.
const RESTRICTED_SOURCES: readonly string[] = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
]

function restrictedVolumes_1_0(pod: PodView): CheckOutcome {
  const bad = pod.volumes.filter((volume) => !ALLOWED_SOURCES.some((s) => volume.sources.has(s)))
  if (bad.length === 0) return ALLOWED
  const types = sortedDistinct(
    bad.map((volume) => RESTRICTED_SOURCES.find((s) => volume.sources.has(s)) ?? 'unknown'),
  )
  return forbidden(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    bad.map((volume) => volume.path),
  )
}

export const restrictedVolumes = defineCheck({
  id: 'restrictedVolumes',
  level: 'restricted',
  revisions: [{ minMinor: 0, run: restrictedVolumes_1_0, overrides: ['hostPathVolumes'] }],
  info: {
    control: 'Volume Types',
    why: 'Inline volume types such as nfs, iscsi or gitRepo make the node mount or fetch storage on the pod’s behalf; restricted allows only core types and storage provisioned through claims or CSI.',
    fix: 'Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volumes.',
    docs: RESTRICTED_DOCS,
  },
})
