import { expect, test } from './fixtures.ts'

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
        - name: setup
          image: busybox
          securityContext:
            runAsUser: 1000
      containers:
        - name: app
          image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: tool
spec:
  containers:
    - name: shell
      image: alpine
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`

test('a pasted manifest shows one card per workload and per container', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)

  await expect(panel.workloads()).toHaveCount(2)
  await expect(panel.workload('Deployment web')).toBeVisible()
  await expect(panel.workload('Pod tool')).toBeVisible()
  await expect(panel.containers()).toHaveCount(3)
  await expect(panel.container('setup')).toHaveAccessibleName('init container setup')
  await expect(panel.container('app')).toHaveAccessibleName('container app')

  // A container with no securityContext gets containerd's 14 default capabilities.
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000a80425fb')
  // runAsUser 1000: the bounding set stays, the effective set is empty.
  await expect(panel.capLine('setup', 'CapEff')).toHaveText('0000000000000000')
  await expect(panel.capLine('setup', 'CapBnd')).toHaveText('00000000a80425fb')
  await expect(panel.capLine('shell', 'CapEff')).toHaveText('0000000000000400')
})

test('a capability set links to the decoder with its mask', async ({ page, editor, panel }) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  // The /proc sets are one click away from the container's facts line.
  await panel.container('app').getByText('Capability sets (/proc)').click()
  await panel.capLine('app', 'CapEff').click()
  await expect(page).toHaveURL(/#\/caps\/00000000a80425fb$/)
})

test('objects that are not workloads are folded into one line above the cards', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(
    [
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app, image: nginx}]',
    ].join('\n---\n'),
  )
  const skipped = page.getByTestId('panel.skipped')
  await expect(skipped).toContainText('2 objects are not a workload and were skipped')
  await expect(panel.diagnostics().filter({ hasText: 'Service "web"' })).toBeHidden()
  await skipped.locator('summary').click()
  await expect(panel.diagnostics().filter({ hasText: 'Service "web"' })).toBeVisible()
  await expect(panel.workload('Pod p')).toBeVisible()
})
