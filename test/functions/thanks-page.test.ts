/**
 * After signing up to a training, the answer is the sign-up's private link (/suivi/, tested in
 * private-link.test.ts); with a `_next` of the client's, the session's own thank-you page (what, when, where).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

describe('thank-you page of a training sign-up', () => {
  it('is the private link’s page, for browsers and JSON clients', async () => {
    const values = validSubmissions['inscription-formation'];
    const res = await h.postForm('inscription-formation', urlEncoded(values));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/suivi\/[A-Za-z0-9_-]{43}$/);
    const json = (await (await h.postJson('inscription-formation', values)).json()) as { next: string };
    expect(json.next).toMatch(/\/suivi\/[A-Za-z0-9_-]{43}$/);
  });

  it('other forms keep their settings’ thank-you page', async () => {
    const res = await h.postForm('agir', urlEncoded(validSubmissions.agir));
    expect(res.headers.get('location')).toBe('/formulaires/agir/merci/');
  });
});
