/**
 * Issue 8, item 5, the CI's short version of `npm run bench -- durabilite`: a few kill -9 cycles of the
 * real server under load, clients retrying unanswered submissions with their idempotency key.
 */
import { describe, expect, it } from 'vitest';
import { benchDurability } from '../bench/durability.ts';

describe('kill -9 cycles under load', () => {
  it('no acknowledged submission lost, none stored twice, the database intact', async () => {
    const r = await benchDurability({ cycles: Number(process.env.DURABILITY_CYCLES ?? 5), workers: 8 });
    expect(r.acknowledged).toBeGreaterThan(0);
    expect(r).toMatchObject({ lost: 0, duplicated: 0, integrity: 'ok' });
  }, 120_000);
});
