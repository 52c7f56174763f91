import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// metallb's release manifest labels its own Namespace privileged in all three modes.
const METALLB = readFileSync(
  new URL('../src/core/testdata/corpus/metallb_metallb_metallb-frr.yaml', import.meta.url),
  'utf8',
)
const ENFORCE_PRIVILEGED = 'pod-security.kubernetes.io/enforce: privileged'
const WARN_PRIVILEGED = 'pod-security.kubernetes.io/warn: privileged'

const CONTROLLER_VIOLATIONS =
  'unrestricted capabilities (container "controller" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "controller" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'

/** Monaco's chunk is large: on a busy machine it takes a while before the editor can be driven. */
async function openPlayground(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('editor.root').locator('.monaco-editor')).toBeVisible({
    timeout: 60_000,
  })
}

const DEBUG_POD = `---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: metallb-system
spec:
  containers:
    - name: shell
      image: busybox
`

test('metallb: its privileged Namespace admits everything; enforce restricted refuses its Pods', async ({
  page,
  editor,
}) => {
  test.setTimeout(120_000)
  await openPlayground(page)
  await editor.setText(METALLB)

  const card = page.getByRole('article', { name: 'Namespace metallb-system' })
  await expect(card.getByTestId('admission.namespace.enforce')).toContainText('privileged:latest')
  await expect(card.getByTestId('admission.namespace.enforce.stops')).toHaveText('none')
  const controller = page.getByRole('article', { name: 'Deployment controller' })
  const speaker = page.getByRole('article', { name: 'DaemonSet speaker' })
  for (const [workload, line] of [
    [controller, 'deployment.apps/controller created'],
    [speaker, 'daemonset.apps/speaker created'],
  ] as const) {
    await expect(workload.getByTestId('admission.line')).toHaveAttribute('data-outcome', 'admitted')
    await expect(workload.getByTestId('admission.line').locator('pre')).toHaveText(
      `$ kubectl apply -f -\n${line}`,
    )
  }

  // Enforce restricted, warn still explicitly privileged: kubectl prints nothing unusual, but
  // every Pod the Deployment and the DaemonSet create is refused.
  await editor.setText(
    METALLB.replace(ENFORCE_PRIVILEGED, 'pod-security.kubernetes.io/enforce: restricted'),
  )
  await expect(card.getByTestId('admission.namespace.enforce.stops')).toHaveText(
    'rejects Pods of 2 workloads',
  )
  await expect(card.getByTestId('admission.namespace.warn.stops')).toHaveText('none')
  await expect(controller.getByTestId('admission.line')).toHaveAttribute(
    'data-outcome',
    'admitted-pods-rejected',
  )
  await expect(controller.getByTestId('admission.line').locator('pre')).toHaveText(
    '$ kubectl apply -f -\ndeployment.apps/controller created',
  )
  await expect(controller.getByTestId('admission.pods-rejected')).toContainText(
    `Warning FailedCreate Error creating: pods "controller-<hash>-<random>" is forbidden: violates PodSecurity "restricted:latest": ${CONTROLLER_VIOLATIONS}`,
  )
  await expect(controller.getByTestId('admission.pods-rejected')).toContainText(
    'Event on ReplicaSet controller-<hash>, from replicaset-controller',
  )
  await expect(speaker.getByTestId('admission.pods-rejected')).toContainText(
    // The Pods the DaemonSet creates get hostPort = containerPort from hostNetwork defaulting.
    'pods "speaker-<random>" is forbidden: violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (containers "frr-metrics", "speaker" use hostPorts 7946, 9120, 9121), probe or lifecycle host (container "speaker" uses probe or lifecycle host "127.0.0.1")',
  )

  // With warn restricted too, kubectl warns on both, and a bare Pod is refused outright.
  await editor.setText(
    METALLB.replace(ENFORCE_PRIVILEGED, 'pod-security.kubernetes.io/enforce: restricted').replace(
      WARN_PRIVILEGED,
      'pod-security.kubernetes.io/warn: restricted',
    ) + DEBUG_POD,
  )
  await expect(card.getByTestId('admission.namespace.warn.stops')).toHaveText(
    'warns on 2 workloads',
  )
  await expect(controller.getByTestId('admission.line').locator('pre')).toHaveText(
    `$ kubectl apply -f -\nWarning: would violate PodSecurity "restricted:latest": ${CONTROLLER_VIOLATIONS}\ndeployment.apps/controller created`,
  )
  const debug = page.getByRole('article', { name: 'Pod debug' })
  await expect(debug.getByTestId('admission.line')).toHaveAttribute('data-outcome', 'rejected')
  await expect(debug.getByTestId('admission.line').locator('pre')).toHaveText(
    '$ kubectl apply -f -\nError from server (Forbidden): error when creating "STDIN": pods "debug" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "shell" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "shell" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "shell" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "shell" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  )
  await expect(card.getByTestId('admission.namespace.enforce.stops')).toHaveText(
    'rejects Pods of 3 workloads',
  )
})

test('the assumed namespace policy applies where no Namespace is in the manifest', async ({
  page,
  editor,
}) => {
  test.setTimeout(120_000)
  await openPlayground(page)
  await editor.setText(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx
`)
  const line = page.getByRole('article', { name: 'Pod web' }).getByTestId('admission.line')
  await expect(line).toHaveAttribute('data-outcome', 'admitted')
  await expect(page.getByRole('article', { name: 'Namespace default' })).toContainText('assumed')

  const control = page.getByTestId('assumptions.namespace-policy')
  await control.getByLabel('Assumed enforce level').selectOption('baseline')
  await expect(line).toHaveAttribute('data-outcome', 'rejected')
  await expect(line.locator('pre')).toContainText(
    'pods "web" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
  )
  await control.getByLabel('Assumed enforce version').selectOption('v1.25')
  await expect(line.locator('pre')).toContainText('violates PodSecurity "baseline:v1.25"')
})

for (const theme of ['Light', 'Dark'] as const) {
  test(`the admission lines and Namespace card have no axe violations (${theme.toLowerCase()})`, async ({
    page,
    editor,
    toolbar,
  }) => {
    test.setTimeout(120_000)
    await openPlayground(page)
    await editor.setText(
      METALLB.replace(ENFORCE_PRIVILEGED, 'pod-security.kubernetes.io/enforce: restricted') +
        DEBUG_POD,
    )
    await toolbar.setTheme(theme)
    await expect(page.getByTestId('admission.pods-rejected').first()).toBeVisible()
    await expect(page.getByTestId('admission.namespace.suggestion')).toBeVisible()
    // The same rule set as e2e/accessibility.spec.ts, over the admission parts only.
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .include('[data-testid="admission.namespaces"]')
      .include('[data-testid="admission.line"]')
      .include('[data-testid="assumptions.namespace-policy"]')
      .analyze()
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([])
  })
}
