// The sync push's body limit comes from the server's settings, not from a
// constant: a server set to take smaller batches refuses a larger body with
// 413 and takes one under its limit.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, clinicWorld, newAccount } from '../support/fixtures.js';
import { cookieFor, OWN_ORIGIN } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog } from '../support/sync.js';
import { useTestApp } from '../support/test-app.js';

const LIMIT = 4 * 1024;

describeEachBackend('a sync body limit set lower than the default', (backend) => {
  const server = useTestApp(backend, { settings: { syncBodyLimitBytes: LIMIT } });

  it(`refuses a push over ${LIMIT} bytes with 413 and takes one under it`, async () => {
    const world = await clinicWorld(server.storage());
    const client = await addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
    );
    const cookie = await cookieFor(server.storage(), client, server.clock.now());
    const device = new FakeDevice();
    const { sessionId, events } = sessionLog({});
    device.record(sessionId, events);
    const push = (payload: string) =>
      server.app().inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { origin: OWN_ORIGIN, cookie, 'content-type': 'application/json' },
        payload,
      });

    const whole = JSON.stringify(pushBody(device, client, device.log));
    expect(Buffer.byteLength(whole)).toBeGreaterThan(LIMIT);
    const refused = await push(whole);
    expect([refused.statusCode, refused.json().code]).toEqual([413, 'body_too_large']);

    const small = JSON.stringify(pushBody(device, client, device.slice(1, 5)));
    expect(Buffer.byteLength(small)).toBeLessThan(LIMIT);
    const taken = await push(small);
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ throughSeq: 5, accepted: 5 });
  });
});
