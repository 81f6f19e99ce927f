// A clinic on the test server, driven through its API as a therapist's own
// browser would (same origin, cookies): set up on first use, then signed in;
// invitations for clients; disabling an account. Each spec gets its own
// signed-in request context, closed by the caller.
import { expect, request, type APIRequestContext } from '@playwright/test';

export const OWNER = {
  clinicName: 'Riverside Movement Clinic',
  displayName: 'Dana Reyes',
  email: 'dana@riverside.example',
  password: 'a long test password',
};

export async function signedInOwner(baseURL: string): Promise<APIRequestContext> {
  const owner = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const setup = await owner.get('/api/setup');
  const { needed } = (await setup.json()) as { needed: boolean };
  const response = needed
    ? await owner.post('/api/setup', { data: OWNER })
    : await owner.post('/api/auth/sign-in', {
        data: { email: OWNER.email, password: OWNER.password },
      });
  expect(response.ok(), await response.text()).toBe(true);
  return owner;
}

export async function inviteClient(
  owner: APIRequestContext,
  nameHint: string,
): Promise<{ code: string; link: string }> {
  const response = await owner.post('/api/invitations', { data: { kind: 'client', nameHint } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { code: string; link: string };
}

export async function disableAccount(owner: APIRequestContext, accountId: string): Promise<void> {
  const response = await owner.post(`/api/accounts/${accountId}/disable`);
  expect(response.ok(), await response.text()).toBe(true);
}
