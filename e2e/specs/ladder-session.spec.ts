// A rung above ankle squeezes, run for real: glute bridges, unlocked early on
// the ladder and started with the short warm-up of ankle squeezes. The
// warm-up is a session of its own (no wake-up, one set of 20); its end
// screen offers one big button straight on to bridges, which then run in
// their own words ("Lift", "Lower") with their own check-in question.
import { expect, screenshotBoth, test } from '../support/index.js';
import {
  allSessionLogs,
  screenshotNow,
  startRung,
  unlockEarly,
  waitForSetCheckIn,
  waitForStep,
} from '../support/ladder-flows.js';
import { FAST, answerByKeys, finishFirstRun, waitForCheckIn } from '../flows.js';

const AFTER_SET = 'Where did you feel that set?';
const BRIDGE_QUESTION = 'Where do you feel the lift?';

test('glute bridges after a warm-up of ankle squeezes, from the ladder to the end', async ({
  page,
  speech,
  pageProblems,
}) => {
  test.setTimeout(120_000);
  await page.goto(FAST);
  await finishFirstRun(page);
  await unlockEarly(page, 'Glute bridges');
  await startRung(page, 'Glute bridges', { withPreActivation: true });

  // The warm-up: 20 ankle squeezes, no wake-up, one check-in after the set.
  // The session screen first: until it is up, the ladder still names the exercise too.
  await expect(page.locator('#phase-label')).toHaveText('Warm-up');
  await expect(page.getByText('Prone ankle squeezes', { exact: true })).toBeVisible();
  await waitForCheckIn(page, 20, AFTER_SET);
  await answerByKeys(page, ['4', '5', 'e']);

  // Its end: one large button, already focused, on to bridges; no symptom questions.
  await expect(page.getByRole('heading', { name: 'Warm-up done' })).toBeVisible({
    timeout: 20_000,
  });
  const goOn = page.getByRole('button', { name: 'Start glute bridges' });
  await expect(goOn).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save and finish' })).toHaveCount(0);
  await expect
    .poll(() => speech.spokenTexts())
    .toContain(
      "Warm-up done. Get into position for glute bridges, then tap the big button when you're ready.",
    );
  await screenshotBoth(page, 'ladder-warm-up-done');
  await goOn.click();

  // Bridges: find your glutes (a check-in every 5 lifts), then 3 sets of 12.
  await expect(page.locator('.session-exercise')).toHaveText('Glute bridges');
  await expect(page.locator('#phase-label')).toHaveText('Find your glutes');
  await waitForCheckIn(page, 5, BRIDGE_QUESTION);
  await screenshotNow(page, 'ladder-bridge-check-in');
  await answerByKeys(page, ['2']); // hamstrings
  await waitForCheckIn(page, 10, BRIDGE_QUESTION);
  await answerByKeys(page, ['4', '5']);

  await expect(page.locator('#phase-label')).toHaveText('Set 1 of 3', { timeout: 20_000 });
  await waitForStep(page, /^(Lift|Hold|Lower)$/);
  await screenshotNow(page, 'ladder-bridge-set');
  for (const set of [1, 2, 3]) {
    await waitForSetCheckIn(page, set, 3, 12, AFTER_SET);
    await answerByKeys(page, ['4', '5', 'e']);
  }

  await expect(page.getByRole('heading', { name: 'Both glutes woke up' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Left glute: rep 10')).toBeVisible();
  await expect(page.getByText('Right glute: rep 10')).toBeVisible();
  await expect(page.getByText('Sets: 12 + 12 + 12 reps')).toBeVisible();
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible();

  // Two sessions on the device: the warm-up block, which names what it led into, then bridges.
  const [warmUp, bridge, ...others] = await allSessionLogs(page);
  expect(others).toEqual([]);
  expect(warmUp?.[0]?.event).toMatchObject({
    type: 'session.started',
    protocol: { id: 'prone-ankle-squeeze', version: 1 },
    settings: {
      skipWakeUp: true,
      sets: 1,
      repsPerSet: 20,
      leadsInto: { id: 'glute-bridge', version: 1 },
    },
  });
  const warmUpReps = warmUp?.filter((row) => row.event.type === 'rep.completed') ?? [];
  expect(warmUpReps.map((row) => `${row.event.phase}/${row.event.set}/${row.event.rep}`)).toEqual(
    Array.from({ length: 20 }, (_, i) => `work/1/${i + 1}`),
  );
  expect(bridge?.[0]?.event).toMatchObject({
    type: 'session.started',
    protocol: { id: 'glute-bridge', version: 1 },
  });
  expect(bridge?.[0]?.event.settings).not.toHaveProperty('skipWakeUp');
  const bridgeReps = bridge?.filter((row) => row.event.type === 'rep.completed') ?? [];
  expect(bridgeReps.filter((row) => row.event.phase === 'wake-up')).toHaveLength(10);
  expect(bridgeReps.filter((row) => row.event.phase === 'work')).toHaveLength(36);

  const said = await speech.spokenTexts();
  expect(said).toContain('Squeeze on the high tone, let go on the low tone. One set of 20.');
  expect(said).toContain(
    'Lift your hips on the high tone, lower them slowly on the low tone. Tell me whenever you feel it, and where.',
  );
  expect(said).toContain(BRIDGE_QUESTION);
  expect(said).toContain(
    'Walk your heels a little closer to your hips, so your hamstrings have less to do.',
  );
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});
