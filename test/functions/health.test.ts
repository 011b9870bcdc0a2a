/**
 * Issue 17, item 5: GET /_sante once ran a write transaction (an fsync) per request, so anyone could make
 * the server fsync as fast as they could send. Its answer is now reused for a few seconds: a flood of
 * health checks costs one probe per period, and still says 503 soon after the store stops taking writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEALTH_REUSE_MS, healthProbe } from '../../functions/health.ts';
import { makeHarness, noNodeServer, type Harness } from './harness.ts';

let h: Harness;

describe('health checks are cheap', () => {
  beforeEach(async () => void (h = await makeHarness()), 60_000);
  afterEach(() => h.cleanup());

  it.skipIf(noNodeServer)('1,000 health checks, 100 at a time: one probe of the store', async () => {
    let probes = 0;
    const writable = h.store.writable.bind(h.store);
    h.store.writable = () => (probes++, writable());
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => h.app.request('/_sante')));
      for (const a of answers) expect(a.status).toBe(200);
    }
    expect(probes).toBe(1);
  });

  it('every back-end answers the health check, twice alike', async () => {
    const first = await h.app.request('/_sante');
    const second = await h.app.request('/_sante');
    expect([first.status, second.status]).toEqual([200, 200]);
    // The Worker adds the release its build bundled (version); Node's harness has none.
    expect(await second.json()).toMatchObject({
      ok: true,
      stockage: 'inscriptible',
      notifications: { en_attente: 0, en_echec: 0, plus_ancienne_s: null },
    });
  });
});

describe('the probe', () => {
  it('the answer is reused for a few seconds, a failing one for less; a probe in flight is not repeated', async () => {
    let t = 0;
    let calls = 0;
    let ok = true;
    let release = () => {};
    const probe = healthProbe(
      {
        writable: () => (calls++, ok ? Promise.resolve(true) : new Promise<boolean>((r) => (release = () => r(false)))),
      },
      () => t,
    );
    expect(await probe()).toBe(true);
    t += HEALTH_REUSE_MS.ok - 1;
    expect(await probe()).toBe(true);
    expect(calls).toBe(1);
    t += 2;
    ok = false;
    const slow = probe();
    expect(await probe()).toBe(true); // the last answer while a probe runs
    release();
    expect(await slow).toBe(false);
    expect(calls).toBe(2);
    t += HEALTH_REUSE_MS.failing + 1;
    ok = true;
    expect(await probe()).toBe(true);
    expect(calls).toBe(3);
  });
});
