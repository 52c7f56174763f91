/**
 * Generated manifests for speed measurements (bench, e2e long-task test): many copies of one
 * typical Deployment, two containers each, as release manifests (Argo CD, metallb,
 * kube-prometheus) ship them. Plain TypeScript with no imports, so Node, vitest and Playwright
 * can all use it.
 */

/** One typical Deployment: 33 lines, 34 with its separator, an app container and a sidecar, partly hardened. */
export function typicalDeployment(index: number): string {
  const name = `service-${index}`
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: ${1000 + (index % 100)}
      containers:
        - name: app
          image: registry.example/${name}:1.${index % 10}
          ports: [{containerPort: 8080}]
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
            readOnlyRootFilesystem: true
          resources:
            limits: {cpu: 500m, memory: 256Mi}
        - name: proxy
          image: envoyproxy/envoy:v1.31
          args: [--config-path, /etc/envoy/envoy.yaml]
          securityContext:
            capabilities: {add: [NET_ADMIN]}
          volumeMounts: [{name: config, mountPath: /etc/envoy}]
      volumes:
        - {name: config, configMap: {name: ${name}-envoy}}
`
}

/** `count` typical Deployments as one multi-document manifest (34 lines each). */
export function generatedManifest(count: number): string {
  return Array.from({ length: count }, (_, i) => typicalDeployment(i)).join('---\n')
}
