import type { ContainerType } from '../types.ts'
import type { JsonRecord } from '../util/json-access.ts'

/**
 * The container lists of a pod spec and the container type each holds, in the order upstream
 * visits them (kubernetes pkg/api/pod/util.go VisitContainers; pod-security-admission
 * policy/visitor.go visitContainers): init, then regular, then ephemeral containers.
 */
export const CONTAINER_LISTS = [
  { list: 'initContainers', type: 'initContainer' },
  { list: 'containers', type: 'container' },
  { list: 'ephemeralContainers', type: 'ephemeralContainer' },
] as const satisfies readonly { list: string; type: string }[]

export type ContainerList = (typeof CONTAINER_LISTS)[number]['list']

/** One container of a pod template, as found in the source. */
export interface ContainerSite {
  name: string
  type: ContainerType
  /** The list it sits in and its index there. */
  list: ContainerList
  index: number
  value: JsonRecord
}
