import { SECURITY_FIELDS, type SettingName } from '../core/index.ts'

/** Fields written in a container's securityContext (some also inherited from the pod). */
export const CONTAINER_FIELDS: readonly SettingName[] = SECURITY_FIELDS.filter(
  (f) => f.scope === 'container' || f.scope === 'pod-and-container',
).map((f) => f.name)

/** Fields that only exist for the whole pod (pod securityContext or pod spec). */
export const POD_FIELDS: readonly SettingName[] = SECURITY_FIELDS.filter(
  (f) => f.scope === 'pod' || f.scope === 'pod-spec',
).map((f) => f.name)

export const CAPABILITIES_MAN = 'https://man7.org/linux/man-pages/man7/capabilities.7.html'
