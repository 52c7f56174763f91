import { isRecord } from '../util/json-access.ts'
import type { PodTemplateInput } from '../types.ts'

/**
 * The Pod as admission sees it once the API server has applied the defaulting that changes a
 * Pod Security message: with `hostNetwork: true`, every port of a container or init container
 * whose hostPort is unset or 0 gets hostPort = containerPort (kubernetes pkg/apis/core/v1/
 * defaults.go, defaultHostNetworkPorts). Pods get it, including the ones controllers create;
 * recent releases no longer apply it to pod templates. The input is not modified.
 */
export function withPodDefaults(pod: PodTemplateInput): PodTemplateInput {
  const spec = pod.spec
  if (!isRecord(spec) || spec.hostNetwork !== true) return pod
  const defaulted: Record<string, unknown> = { ...spec }
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = spec[list]
    if (!Array.isArray(containers)) continue
    defaulted[list] = containers.map((container: unknown) => {
      if (!isRecord(container) || !Array.isArray(container.ports)) return container
      return {
        ...container,
        ports: container.ports.map((port: unknown) =>
          isRecord(port) &&
          (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) &&
          typeof port.containerPort === 'number'
            ? { ...port, hostPort: port.containerPort }
            : port,
        ),
      }
    })
  }
  return { metadata: pod.metadata, spec: defaulted }
}
