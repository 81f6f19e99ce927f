// Programs in the therapist portal, in a real Chromium against the real
// server: a therapist changes a client's hold time and favours a cue
// (version 1), changes it again (version 2, with the history saying what
// changed), sees core's check refuse a hold time out of range, and, when
// another tab saved first, is told so with their edits kept for a retry.
// On the Protocols page, a built-in is copied into the clinic's library and
// edited, with a validation problem shown by its field first.
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { clientName } from '../support/caseload.js';
import { clientTable, withCaseload } from '../support/portal.js';
import type { Page } from '@playwright/test';

const INNER_HEEL = 'Press with the inside edge of your heels, not the bottom of them.';

async function openClient(page: Page, name: string): Promise<void> {
  await page.goto('/#/portal');
  await clientTable(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const programOf = (page: Page) => page.getByRole('region', { name: 'Program', exact: true });

test('a therapist adjusts a client’s program, sees its history, and keeps edits on a conflict', async ({
  page,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await page.setViewportSize({ width: 1280, height: 800 });
  const name = clientName(4);
  await openClient(page, name);
  const program = programOf(page);
  await expect(program).toContainText(
    'No program yet: they follow the standard prone ankle squeezes.',
  );

  // Version 1: a longer hold and a favoured cue.
  await program.getByRole('button', { name: 'Change program' }).click();
  const hold = program.getByLabel('Hold time (seconds)');
  await expect(hold).toHaveValue('2');
  await expect(program.getByLabel('Reps per set')).toHaveValue('20');
  await hold.fill('2.5');
  await program.getByLabel(INNER_HEEL).check();
  await program
    .getByLabel('Message to your client')
    .fill('Lovely work this week. Slow and gentle.');
  await screenshotBoth(page, 'portal-program-editor');
  await expectNoSeriousA11yViolations(page);
  await program.getByRole('button', { name: 'Save as new version' }).click();
  await expect(program.getByRole('status')).toHaveText('Saved as version 1.');
  await expect(program).toContainText(/Version 1, from \w+/);
  await expect(program).toContainText('2.5 s');
  await expect(program.getByRole('listitem').filter({ hasText: INNER_HEEL })).toBeVisible();
  await expect(program).toContainText('Lovely work this week.');

  // Version 2: more reps per set, glute bridges opened early.
  await program.getByRole('button', { name: 'Change program' }).click();
  await expect(program.getByLabel('Hold time (seconds)')).toHaveValue('2.5');
  await expect(program.getByLabel(INNER_HEEL)).toBeChecked();
  await program.getByLabel('Reps per set').fill('25');
  await program
    .getByRole('group', { name: 'Glute bridges' })
    .getByRole('radio', { name: 'Open early' })
    .check();
  await program.getByRole('button', { name: 'Save as new version' }).click();
  await expect(program.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(program).toContainText(/Version 2, from \w+/);
  await expect(program).toContainText('Glute bridges: open early');
  await program.getByText('Version history (2 versions)').click();
  const history = program.getByRole('list').filter({ hasText: 'Version 1' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Reps per set 20 → 25');
  await expect(history.getByRole('listitem').last()).toContainText(
    [
      'First program, based on Prone ankle squeezes',
      'Hold time 2 s → 2.5 s',
      `Favours “${INNER_HEEL}”`,
    ].join(' · '),
  );
  await screenshotBoth(page, 'portal-program');
  await expectNoSeriousA11yViolations(page);

  // Core's check, before anything is sent: a hold out of range.
  await program.getByRole('button', { name: 'Change program' }).click();
  await program.getByLabel('Hold time (seconds)').fill('9');
  await program.getByRole('button', { name: 'Save as new version' }).click();
  await expect(program.getByText('Please choose between 0.5 and 5 seconds.')).toBeVisible();
  await expect(program.getByLabel('Hold time (seconds)')).toHaveAttribute('aria-invalid', 'true');
  await program.getByLabel('Hold time (seconds)').fill('3');

  // Meanwhile another tab saves version 3.
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await openClient(other, name);
  const otherProgram = programOf(other);
  await otherProgram.getByRole('button', { name: 'Change program' }).click();
  await otherProgram.getByLabel('Sets', { exact: true }).fill('4');
  await otherProgram.getByRole('button', { name: 'Save as new version' }).click();
  await expect(otherProgram.getByRole('status')).toHaveText('Saved as version 3.');
  await other.close();

  await program.getByRole('button', { name: 'Save as new version' }).click();
  await expect(program.getByRole('alert')).toContainText(
    'Someone else saved a newer version (version 3) while you were editing.',
  );
  await expect(program.getByLabel('Hold time (seconds)')).toHaveValue('3');
  await screenshotBoth(page, 'portal-program-conflict');
  await program.getByRole('button', { name: 'Save as new version' }).click();
  await expect(program.getByRole('status')).toHaveText('Saved as version 4.');
  await expect(program).toContainText('3 s');
  expect(pageProblems.uncaughtErrors).toEqual([]);
});

test('the clinic copies a built-in protocol into its library and edits it', async ({
  page,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/portal');
  await page
    .getByRole('navigation', { name: 'Portal' })
    .getByRole('link', { name: 'Protocols' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protocols' })).toBeVisible();

  const builtin = page.getByRole('article', { name: 'Prone ankle squeezes', exact: true });
  await builtin.getByLabel('Name of the copy').fill('Riverside ankle squeezes');
  await builtin.getByRole('button', { name: 'Copy into your library' }).click();
  await expect(page.getByRole('status')).toHaveText(
    '“Riverside ankle squeezes” is now in your library.',
  );
  const library = page.getByRole('region', { name: 'Your clinic’s library' });
  await library.getByRole('button', { name: 'Edit Riverside ankle squeezes' }).click();

  const editor = library.getByRole('form', { name: 'Edit Riverside ankle squeezes' });
  await expect(editor.getByLabel('Hold (seconds)')).toHaveValue('2');
  await editor.getByLabel('Hold (seconds)').fill('0.2');
  await editor.getByLabel('Name', { exact: true }).fill('');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByText('Please choose between 0.5 and 5 seconds.')).toBeVisible();
  await expect(editor.getByText('Please fill this in.')).toBeVisible();
  await expect(editor.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await screenshotBoth(page, 'portal-protocol-editor');
  await expectNoSeriousA11yViolations(page);

  await editor.getByLabel('Name', { exact: true }).fill('Riverside ankle squeezes, long hold');
  await editor.getByLabel('Hold (seconds)').fill('3');
  await editor.getByLabel('Sets', { exact: true }).fill('4');
  await editor
    .getByLabel('Cue 1', { exact: true })
    .fill('Press with the inner edge of your heels, softly.');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Saved “Riverside ankle squeezes, long hold”, revision 2.',
  );
  const entry = library.getByRole('article', { name: 'Riverside ankle squeezes, long hold' });
  await expect(entry).toContainText('Hold 3 s');
  await expect(entry).toContainText('4 × 20');

  // Someone else edits the entry first: the edit is refused, kept, and goes in on retry.
  await entry.getByRole('button', { name: /^Edit / }).click();
  await editor.getByLabel('Reps per set').fill('15');
  const listed = await page.context().request.get(`${baseURL}/api/protocol-library`);
  const { protocols } = (await listed.json()) as {
    protocols: { entryId: string | null; revision: number; protocol: { name: string } }[];
  };
  const saved = protocols.find((p) => p.protocol.name === 'Riverside ankle squeezes, long hold');
  const put = await page
    .context()
    .request.put(`${baseURL}/api/protocol-library/${saved?.entryId ?? ''}`, {
      headers: { origin: baseURL ?? '' },
      data: { expectedRevision: saved?.revision, protocol: saved?.protocol },
    });
  expect(put.ok(), await put.text()).toBe(true);
  const retry = library.getByRole('form', { name: /^Edit / });
  await retry.getByRole('button', { name: 'Save changes' }).click();
  await expect(retry.getByRole('alert')).toContainText('Someone else saved a newer revision');
  await expect(retry.getByLabel('Reps per set')).toHaveValue('15');
  await retry.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Saved “Riverside ankle squeezes, long hold”, revision 4.',
  );
  await screenshotBoth(page, 'portal-protocols');
  await expectNoSeriousA11yViolations(page);

  // Removing asks once more, and keeping it changes nothing.
  const longHold = library.getByRole('article', { name: 'Riverside ankle squeezes, long hold' });
  await longHold
    .getByRole('button', { name: 'Remove Riverside ankle squeezes, long hold' })
    .click();
  const asking = longHold.getByRole('group', { name: /^Remove .*\?$/ });
  await expect(asking).toContainText('keep their program as it is');
  await screenshotBoth(page, 'portal-protocol-remove');
  await asking.getByRole('button', { name: 'Keep it' }).click();
  await expect(asking).toBeHidden();
  await longHold.getByRole('button', { name: /^Remove / }).click();
  await longHold.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByRole('status')).toHaveText(
    '“Riverside ankle squeezes, long hold” is out of your library.',
  );
  await expect(library).toContainText('Nothing here yet.');
  expect(pageProblems.uncaughtErrors).toEqual([]);
});
