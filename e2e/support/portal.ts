// Steps a clinic's staff take in the portal, shared by the portal specs:
// signing the browser in as the clinic owner (setting the clinic up first on
// a fresh server), and a caseload of 200 clients written once per run.
import { expect, type Page } from '@playwright/test';
import { OWNER } from './clinic.js';
import { generateCaseload } from './caseload.js';

export const CASELOAD_SIZE = 200;

/** Signs this page's browser context in as the owner, through the API it shares cookies with. */
export async function signInOwner(
  page: Page,
  baseURL: string,
): Promise<{ clinicId: string; ownerId: string }> {
  const api = page.context().request;
  const headers = { origin: baseURL };
  const setup = (await (await api.get(`${baseURL}/api/setup`)).json()) as { needed: boolean };
  const response = setup.needed
    ? await api.post(`${baseURL}/api/setup`, { data: OWNER, headers })
    : await api.post(`${baseURL}/api/auth/sign-in`, {
        data: { email: OWNER.email, password: OWNER.password },
        headers,
      });
  expect(response.ok(), await response.text()).toBe(true);
  const me = (await response.json()) as { id: string; clinic: { id: string } };
  return { clinicId: me.clinic.id, ownerId: me.id };
}

/** Makes sure the clinic has its 200 generated clients (once per run), signed in as the owner. */
export async function withCaseload(page: Page, baseURL: string): Promise<void> {
  const { clinicId, ownerId } = await signInOwner(page, baseURL);
  const list = await page.context().request.get(`${baseURL}/api/clients`);
  const { clients } = (await list.json()) as { clients: { email: string }[] };
  const generated = clients.filter((c) => c.email.endsWith('@caseload.example')).length;
  if (generated === 0) await generateCaseload(clinicId, ownerId, CASELOAD_SIZE);
}

export function clientTable(page: Page) {
  return page.getByRole('table');
}
