import { expect, test } from './fixtures.ts'

test('a lesson is completed by editing, and the progress survives a reload', async ({ page }) => {
  await page.goto('./#/learn/capabilities')
  const lesson = page.getByTestId('lesson')
  await expect(lesson.getByRole('heading', { name: 'Capabilities and CapEff' })).toBeVisible()
  const goal = lesson.getByTestId('goal-conditions').getByRole('listitem')
  await expect(goal).toHaveAttribute('data-met', 'false')
  await expect(goal).toContainText('Now: web: CapEff 00000000a80425fb')

  const editor = lesson.getByTestId('goal-editor')
  const start = await editor.inputValue()
  await editor.fill(
    `${start}      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]\n`,
  )
  await expect(goal).toHaveAttribute('data-met', 'true')
  await expect(goal).toContainText('Now: web: CapEff 0000000000000400')
  await expect(lesson.getByTestId('goal-success')).toContainText('Done.')
  await expect(page.getByTestId('lesson-count')).toHaveText('1 of 12 done')

  await page.reload()
  await expect(page.getByTestId('lesson-count')).toHaveText('1 of 12 done')
  await expect(page.getByRole('link', { name: /Capabilities and CapEff \(done\)/ })).toBeVisible()
  await lesson.getByRole('link', { name: /Next: Privileged containers/ }).click()
  await expect(lesson.getByRole('heading', { name: 'Privileged containers' })).toBeVisible()
  await expect(lesson.getByTestId('goal-facts')).toContainText('0000003fffffffff')
})

test('a teacher builds a challenge; a learner solves it from the link', async ({
  page,
  browser,
}) => {
  await page.goto('./#/challenge/new')
  await page.getByLabel('Title').fill('Port 80 without root powers')
  await page.getByLabel('Message to the learner').fill('Keep only NET_BIND_SERVICE.')
  await page
    .getByTestId('challenge-source')
    .fill(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    )
  await page.getByLabel('Condition').selectOption({ label: 'A capability line has a value' })
  await page.getByLabel('Container', { exact: true }).selectOption('web')
  await page.getByLabel('Hex value').fill('0x400')
  await page.getByRole('button', { name: 'Add condition' }).click()
  await page.getByLabel('Condition').selectOption({ label: 'The kubelet would start it' })
  await page.getByRole('button', { name: 'Add condition' }).click()
  const goal = page.getByTestId('challenge-goal')
  await expect(goal).toContainText('Container web has CapEff 0000000000000400')
  await expect(goal).toContainText('On this manifest: not met (web: CapEff 00000000a80425fb)')
  await page.getByRole('button', { name: 'Create challenge link' }).click()
  const link = await page.getByTestId('challenge-link').inputValue()
  expect(link).toMatch(/#\/challenge\/1\//)

  const fresh = await browser.newContext()
  const learner = await fresh.newPage()
  await learner.goto(link)
  await expect(learner.getByRole('heading', { name: 'Port 80 without root powers' })).toBeVisible()
  await expect(learner.getByText('Keep only NET_BIND_SERVICE.')).toBeVisible()
  const conditions = learner.getByTestId('goal-conditions').getByRole('listitem')
  await expect(conditions).toHaveCount(2)
  await expect(conditions.first()).toHaveAttribute('data-met', 'false')
  const editor = learner.getByTestId('goal-editor')
  await editor.fill(
    `${await editor.inputValue()}      securityContext:\n        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}\n`,
  )
  await expect(learner.getByTestId('goal-success')).toContainText('Solved.')

  // A damaged challenge link is refused with a message.
  await learner.goto(link.slice(0, -6))
  await expect(learner.getByTestId('challenge-refused')).toContainText(
    'This challenge link is damaged',
  )
  await fresh.close()
})
