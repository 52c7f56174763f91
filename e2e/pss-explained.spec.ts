import { expect, test } from './fixtures.ts'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: risky
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
`

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx
          securityContext:
            privileged: true
`

test('a failing check names its control, says why, links the docs and quotes admission', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(POD)

  const card = panel.workload('Pod risky')
  const finding = card.getByRole('listitem').filter({ has: panel.findings() }).filter({
    hasText: 'Privileged Containers',
  })
  await expect(finding).toHaveCount(1)
  await expect(finding).toContainText(
    'container "app" must not set securityContext.privileged=true',
  )
  await expect(finding.getByTestId('panel.finding.why')).toContainText('A privileged container')
  await expect(finding).toContainText('Fix:')
  const docs = finding.getByTestId('panel.finding.docs')
  await expect(docs).toHaveAttribute('href', /^https:\/\/kubernetes\.io\/docs\//)

  await expect(card).toContainText('kubectl apply would fail with')
  await card.getByText('What kubectl apply prints').click()
  const baseline = panel.admission('Pod risky', 'baseline')
  await expect(baseline.locator('pre')).toHaveText(
    /^pods "risky" is forbidden: violates PodSecurity "baseline:latest": privileged \(/,
  )
  await expect(
    baseline.getByRole('button', { name: 'Copy baseline admission message' }),
  ).toBeVisible()
  // The Pod fails restricted too, for more reasons than baseline.
  await expect(panel.admission('Pod risky', 'restricted').locator('pre')).toContainText(
    'violates PodSecurity "restricted:latest"',
  )
})

test('a controller is warned about, and its Pods are the ones rejected', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(DEPLOYMENT)

  const card = panel.workload('Deployment web')
  await expect(card).toContainText('accepts this Deployment')
  await expect(card).not.toContainText('would fail with')
  await expect(card).toContainText('each Pod created from its template is rejected')
  await expect(panel.admission('Deployment web', 'baseline').locator('pre')).toHaveText(
    /^would violate PodSecurity "baseline:latest": privileged \(/,
  )
})

test('the passing checks open into a list of controls', async ({ page, editor, panel }) => {
  await page.goto('/')
  await editor.setText(POD)

  const passing = panel.passingChecks('Pod risky')
  const summary = passing.locator('summary')
  await expect(summary).toHaveText(/^\d+ checks pass at v1\.\d+$/)
  const items = passing.getByRole('listitem')
  await expect(items.first()).toBeHidden()
  await summary.click()
  await expect(passing).toHaveAttribute('open', '')
  await expect(items.filter({ hasText: 'Host Namespaces' })).toContainText('hostNamespaces')
  // Everything but the failing checks passes: the count in the summary matches the list.
  const count = Number((await summary.textContent())?.split(' ')[0])
  await expect(items).toHaveCount(count)
  await expect(items.filter({ hasText: 'Privileged Containers' })).toHaveCount(0)
})
