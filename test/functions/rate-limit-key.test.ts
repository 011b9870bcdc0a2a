/**
 * Issue 17, item 6: the rate limit was keyed on the exact address, so an IPv6 client rotated through its
 * /64 (2^64 addresses) and was never limited, which also let it send confirmation e-mails to anyone. An
 * IPv6 client is now its /64, an IPv4 client its address; the key is made once (rateLimitAddress) for
 * every back-end's limiter: in memory on Node, in PostgreSQL, in D1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitAddress } from '../../functions/rate-limit.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;

const send = (client: string) =>
  h.postForm('femmes-rappel', urlEncoded(validSubmissions['femmes-rappel']), {
    'x-test-client': client,
    accept: 'application/json',
  });

describe('one client per IPv6 /64, per IPv4 address', () => {
  beforeEach(async () => void (h = await makeHarness({ rateLimit: { max: 2, windowMs: 600_000 } })), 60_000);
  afterEach(() => h.cleanup());

  it('rotating addresses inside one /64 does not reset the count; another /64 is another client', async () => {
    expect((await send('2001:db8:1:2::1')).status).toBe(200);
    expect((await send('2001:db8:1:2:ffff:ffff:ffff:ffff')).status).toBe(200);
    const third = await send('2001:0db8:0001:0002:abcd::9');
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: string }).error).toMatch(/^Trop d’envois/);
    expect((await send('2001:db8:1:3::1')).status).toBe(200);
  });

  it('two IPv4 addresses are two clients', async () => {
    for (const client of ['203.0.113.1', '203.0.113.1']) expect((await send(client)).status).toBe(200);
    expect((await send('203.0.113.1')).status).toBe(429);
    expect((await send('203.0.113.2')).status).toBe(200);
  });
});

describe('rateLimitAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:1:2:3:4', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['inconnu', 'inconnu'],
    ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
    ['1::2::3', '1::2::3'],
  ])('%s → %s', (address, key) => expect(rateLimitAddress(address)).toBe(key));
});
