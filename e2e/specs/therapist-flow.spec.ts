// The therapist portal's whole story, in two real browsers against a server
// that has never been set up: a therapist creates the clinic (as its owner,
// who sees clients of their own like any therapist in a small practice) and
// invites a client; the client, who has practised offline for a week, opens
// the link, joins, keeps the default sharing and syncs; the therapist sees
// the week in the caseload and the client's timeline, then lengthens the hold
// time; the client's device pulls the new program version and the next
// session runs with it (the reps' own timestamps show the longer hold); once
// that session syncs, the therapist sees it with its program version.
import type { Page } from '@playwright/test';
import { OWNER } from '../support/clinic.js';
import { dataStatus, exportFileOf, importText, openYourData } from '../support/data-flows.js';
import { installFakeSpeechSynthesis } from '../support/fake-speech.js';
import { startFreshServer, type FreshServer } from '../support/fresh-server.js';
import { fortnightOfPractice } from '../support/history-fixture.js';
import { allSessionLogs } from '../support/ladder-flows.js';
import {
  expect,
  expectNoSeriousA11yViolations,
  fakeVoice,
  screenshotBoth,
  test as base,
} from '../support/index.js';
import { FAST, answerByKeys, finishFirstRun, waitForCheckIn } from '../flows.js';

const CLIENT = { name: 'Sam Okafor', email: 'sam@example.com', password: 'squeeze the pillow' };
const SYNCED = "Synced. Everything is saved on your clinic's server.";
/** The new hold time; the built-in ankle squeeze holds 2 seconds. */
const NEW_HOLD_SECONDS = 4;
const OLD_HOLD_SECONDS = 2;
const TIMESCALE = 0.02;

/**
 * How far apart two wake-up reps complete, on the FAST test clock, for a hold
 * of `holdSeconds` with the ankle squeeze's tempo (squeeze 600 ms, release
 * 1000 ms, 1000 ms between reps). The engine stamps each rep.completed with
 * its ideal time, so this is exact, not a measurement.
 */
function repPeriodMs(holdSeconds: number): number {
  const scaled = (ms: number) => Math.round(ms * TIMESCALE);
  return scaled(600) + scaled(holdSeconds * 1000) + scaled(1000) + scaled(1000);
}

interface Fixtures {
  /** A server that has never been set up, for this test alone. */
  server: FreshServer;
  /** The client's phone: a browser context of its own, with the fake voice the app speaks through. */
  client: Page;
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern
  server: async ({}, use) => {
    const server = await startFreshServer();
    await use(server);
    await server.stop();
  },
  // The therapist's page (the `page` fixture) talks to the fresh server.
  baseURL: async ({ server }, use) => use(server.url),
  client: async ({ browser, server }, use) => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 390, height: 844 },
    });
    await context.addInitScript(installFakeSpeechSynthesis, { speakMs: 50, voice: fakeVoice });
    await use(await context.newPage());
    await context.close();
  },
});

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Opens "Your therapist" from Settings, as the client would; the screen syncs
 * as it opens. Waits until it says everything is synced.
 */
async function openAccountAndSync(client: Page): Promise<void> {
  await client.evaluate(() => (location.hash = '#/settings'));
  await client.getByRole('link', { name: /^Your therapist/ }).click();
  await expect(client.getByRole('heading', { name: 'Your therapist', level: 1 })).toBeVisible();
  await expect(client.locator('.sync-state')).toHaveText(SYNCED, { timeout: 15_000 });
}

/** Changes the hold time in the program editor on a client's detail; returns what it says. */
async function changeHoldTime(therapist: Page, seconds: number): Promise<string> {
  const program = therapist.getByRole('region', { name: 'Program', exact: true });
  await program.getByRole('button', { name: 'Change program' }).click();
  const hold = program.getByLabel('Hold time (seconds)');
  await expect(hold).toHaveValue(String(OLD_HOLD_SECONDS));
  await hold.fill(String(seconds));
  await screenshotBoth(therapist, 'therapist-flow-program-editor');
  await program.getByRole('button', { name: 'Save as new version' }).click();
  const saved = program.getByRole('status').filter({ hasText: /^Saved as version \d+\.$/ });
  await expect(saved).toBeVisible();
  return (await saved.textContent()) ?? '';
}

test('a therapist sets up the clinic, invites a client, adjusts the hold time, and sees the session that used it', async ({
  page: therapist,
  server,
  client,
}) => {
  test.setTimeout(60_000);
  const therapistErrors = pageErrors(therapist);
  const week = fortnightOfPractice().slice(-6);

  // 1. The therapist sets up the clinic on a server that has never been set up.
  await therapist.setViewportSize({ width: 1280, height: 800 });
  await therapist.goto('/#/portal');
  await expect(therapist.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  await therapist.getByLabel('Clinic name').fill(OWNER.clinicName);
  await therapist.getByLabel('Your name').fill(OWNER.displayName);
  await therapist.getByLabel('Email').fill(OWNER.email);
  await therapist.getByLabel(/^Password/).fill(OWNER.password);
  await therapist.getByRole('button', { name: 'Create the clinic' }).click();
  await expect(therapist.getByRole('heading', { name: 'Your clients' })).toBeVisible();
  await expect(
    therapist.getByText('No clients yet. Invite someone from Invitations.'),
  ).toBeVisible();

  // 2. They invite a client and read the link off the screen.
  await therapist.getByRole('link', { name: 'Invitations' }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await therapist.getByLabel('Their name (optional)').fill(CLIENT.name);
  await therapist.getByRole('button', { name: 'Create invitation' }).click();
  const created = therapist.getByRole('region', { name: `Invitation ready for ${CLIENT.name}` });
  const linkText = await created.getByRole('link', { name: /\/join#code=/ }).textContent();
  const link = linkText?.trim() ?? '';
  expect(link.startsWith(`${server.url}/join#code=`)).toBe(true);
  await screenshotBoth(therapist, 'therapist-flow-invitation');

  // 3. The client has practised for a week with no account, then joins by the link.
  const clientErrors = pageErrors(client);
  await client.goto(FAST);
  await finishFirstRun(client);
  await openYourData(client);
  await importText(client, exportFileOf(week));
  await expect(dataStatus(client)).toContainText(`Added ${week.length} sessions.`);

  await client.goto(link);
  await expect(client.getByRole('heading', { name: 'Join your therapist' })).toBeVisible();
  await expect(
    client.getByText(`${OWNER.displayName} at ${OWNER.clinicName} invited you.`),
  ).toBeVisible();
  await expect(client.getByLabel('Your name')).toHaveValue(CLIENT.name);
  await client.getByLabel('Email').fill(CLIENT.email);
  await client.getByLabel(/^Choose a password/).fill(CLIENT.password);
  await expect(client.getByLabel('All my sessions, also those from before I joined')).toBeChecked();
  await client.getByRole('button', { name: 'Join' }).click();
  await expect(client.getByRole('heading', { name: 'Your therapist', level: 1 })).toBeVisible();
  await expect(client.locator('.sync-state')).toHaveText(SYNCED, { timeout: 15_000 });
  await screenshotBoth(client, 'therapist-flow-client-synced');

  // 4. The therapist sees the client in the caseload, and their week on the detail.
  await therapist.getByRole('link', { name: 'Clients' }).click();
  const row = therapist.getByRole('table').getByRole('row', { name: new RegExp(CLIENT.name) });
  await expect(row.getByRole('img', { name: /^Last \d+ sessions: left rep/ })).toHaveAccessibleName(
    new RegExp(`^Last ${week.length} sessions: left rep \\d+ to \\d+; right rep \\d+ to \\d+$`),
  );
  await expect(row).toContainText(`${week.length} on ${week.length} days`);
  await screenshotBoth(therapist, 'therapist-flow-caseload');
  await row.getByRole('link', { name: CLIENT.name, exact: true }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: CLIENT.name })).toBeVisible();
  const sessions = therapist.getByRole('region', { name: 'Sessions' });
  await expect(sessions.locator('ol.sessions > li')).toHaveCount(week.length);
  await expect(sessions.locator('ol.sessions > li').first()).toContainText('Prone ankle squeezes');

  // 5. They lengthen the hold, as a new version of the client's program.
  const saved = await changeHoldTime(therapist, NEW_HOLD_SECONDS);
  const version = Number(/\d+/.exec(saved)?.[0]);
  expect(version).toBe(1);
  await screenshotBoth(therapist, 'therapist-flow-program-saved');
  await expectNoSeriousA11yViolations(therapist);

  // 6. Later, the client opens the app again; it pulls the new version, and the
  // next session holds each squeeze longer.
  await client.goto(FAST);
  await expect(client.getByRole('button', { name: 'Start session' })).toBeVisible();
  await openAccountAndSync(client);
  await expect(client.getByText('Your therapist has set 1 program version for you.')).toBeVisible();
  await client.evaluate(() => (location.hash = '#/'));
  await client.getByRole('button', { name: 'Start session' }).click();
  await waitForCheckIn(client, 10);
  await answerByKeys(client, ['4', '5']);
  await client.getByRole('button', { name: 'Stop session' }).click();
  await client.getByRole('alertdialog').getByRole('button', { name: 'Yes, stop' }).click();
  await expect(client.getByRole('heading', { name: 'Session stopped' })).toBeVisible({
    timeout: 15_000,
  });
  await client.getByRole('button', { name: 'Save and finish' }).click();
  await expect(client.getByRole('button', { name: 'Start session' })).toBeVisible();

  const latest = (await allSessionLogs(client)).at(-1) ?? [];
  const me = (await (await client.request.get('/api/me')).json()) as { id: string };
  expect(latest[0]?.event).toMatchObject({
    type: 'session.started',
    protocol: { id: 'prone-ankle-squeeze', version: 1 },
    program: { id: me.id, version },
  });
  const repTimes = latest
    .filter((row) => row.event.type === 'rep.completed' && row.event.phase === 'wake-up')
    .map((row) => (row.event as { at?: number }).at ?? 0);
  expect(repTimes).toHaveLength(10);
  const periods = new Set(repTimes.slice(1).map((at, i) => at - (repTimes[i] ?? 0)));
  expect([...periods]).toEqual([repPeriodMs(NEW_HOLD_SECONDS)]);
  expect(repPeriodMs(NEW_HOLD_SECONDS)).not.toBe(repPeriodMs(OLD_HOLD_SECONDS));

  // 7. It syncs, and the therapist sees it in the timeline with its program version.
  await openAccountAndSync(client);
  await therapist.reload();
  await expect(sessions.locator('ol.sessions > li')).toHaveCount(week.length + 1);
  const ranTheProgram = sessions
    .locator('ol.sessions > li')
    .filter({ hasText: `Program version ${version}` });
  await expect(ranTheProgram).toHaveCount(1);
  await expect(ranTheProgram).toContainText('Stopped early');
  await expect(ranTheProgram).toContainText('Left rep 10 · Right rep 10');
  await screenshotBoth(therapist, 'therapist-flow-timeline');

  expect(therapistErrors).toEqual([]);
  expect(clientErrors).toEqual([]);
});
