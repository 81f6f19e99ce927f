// Practice reminders in a real Chromium: a time and days chosen with large
// controls are kept on the device; the calendar file, read back with ical.js
// on the test's side, repeats on exactly those days at that local time; and
// with notifications on, one shows at the practice time while the app is open.
import ICAL from 'ical.js';
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { downloadBy, openReminders } from '../support/data-flows.js';
import { FAST, finishFirstRun } from '../flows.js';

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The next `count` dates from `from` (local, this machine's zone = the browser's) on `days`. */
function expectedDates(from: Date, days: readonly string[], count: number): string[] {
  const dates: string[] = [];
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  while (dates.length < count) {
    if (days.includes(WEEKDAY_CODES[day.getDay()] ?? '')) {
      const month = String(day.getMonth() + 1).padStart(2, '0');
      const date = String(day.getDate()).padStart(2, '0');
      dates.push(`${day.getFullYear()}-${month}-${date}`);
    }
    day.setDate(day.getDate() + 1);
  }
  return dates;
}

test('a reminder on chosen days becomes a calendar file that repeats on those days', async ({
  page,
  context,
  pageProblems,
}) => {
  await page.goto(FAST);
  await finishFirstRun(page);
  // Reached from Settings, like a person would.
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByRole('link', { name: 'Reminders' }).click();
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();
  await expect(page.getByText('No reminder set yet.')).toBeVisible();

  await page.getByLabel('Time').fill('06:45');
  for (const day of ['Tuesday', 'Thursday', 'Saturday']) {
    const toggle = page.getByRole('button', { name: day });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  }
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText(/^Your reminder: on Mon, Wed, Fri, Sun at 6:45/)).toBeVisible();

  const today = new Date();
  const calendar = await downloadBy(page, 'Add to my calendar');
  expect(calendar.name).toBe('glutewake-reminder.ics');
  expect(calendar.text).toContain('\r\nRRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE,FR,SU\r\n');
  const vevent = new ICAL.Component(ICAL.parse(calendar.text)).getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('the calendar file has no event');
  const event = new ICAL.Event(vevent);
  expect(event.summary).toBe('Glute practice: prone ankle squeezes');
  expect(event.startDate.zone?.tzid).toBe('floating');
  expect(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < 8; next = iterator.next()) {
    found.push(next.toString());
  }
  expect(found).toEqual(
    expectedDates(today, ['MO', 'WE', 'FR', 'SU'], 8).map((date) => `${date}T06:45:00`),
  );

  // Kept on the device: a reload shows the same choice, and the same uid goes out again.
  await page.reload();
  await expect(page.getByText(/^Your reminder: on Mon, Wed, Fri, Sun at 6:45/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tuesday' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  const again = await downloadBy(page, 'Add to my calendar');
  const uid = (text: string) => /\r\nUID:([^\r]+)\r\n/.exec(text)?.[1];
  expect(uid(again.text)).toBe(uid(calendar.text));

  // Notifications, once the person allows them.
  await context.grantPermissions(['notifications']);
  await page.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect(page.getByText(/^Notifications are on\. Next one: /)).toBeVisible();
  await expect(page.getByText(/so this is the dependable reminder\.$/)).toBeVisible();
  await screenshotBoth(page, 'reminders');
  await expectNoSeriousA11yViolations(page);
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});

test('with notifications on, one shows at the practice time while the app is open', async ({
  page,
}) => {
  // A Monday, one minute before the practice time, on this machine's clock and zone.
  await page.clock.install({ time: new Date(2026, 0, 5, 7, 29, 0) });
  await page.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    Object.assign(window, { __notifications: shown });
    const record = (title: string, options?: NotificationOptions) =>
      shown.push({ title, body: options?.body });
    ServiceWorkerRegistration.prototype.showNotification = async (title, options) => {
      record(title, options);
    };
    class RecordedNotification {
      static permission: NotificationPermission = 'granted';
      static requestPermission = async (): Promise<NotificationPermission> => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        record(title, options);
      }
      close() {}
    }
    Object.assign(window, { Notification: RecordedNotification });
  });
  const shown = () =>
    page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications);

  await page.goto(FAST);
  await finishFirstRun(page);
  await openReminders(page);
  await page.getByLabel('Time').fill('07:30');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await page.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect(page.getByText(/^Notifications are on\. Next one: Monday/)).toBeVisible();
  expect(await shown()).toEqual([]);

  await page.clock.fastForward('01:30');
  await expect.poll(shown).toEqual([
    {
      title: 'Glute practice time',
      body: 'A few quiet minutes for your glutes, whenever you are ready.',
    },
  ]);

  // Home says so too while no session was done today.
  await page.evaluate(() => (location.hash = '#/'));
  await expect(
    page.getByRole('status').filter({ hasText: /past your practice time/ }),
  ).toBeVisible();
});
