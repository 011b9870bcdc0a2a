/** After signing up to a training, the thank-you page is the session's own: it repeats what, when and where. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

describe('thank-you page of a training sign-up', () => {
  it('is the chosen session’s page, for browsers and JSON clients', async () => {
    const values = validSubmissions['inscription-formation'];
    const page = `/formations/${String(values.formation)}/inscription/merci/${String(values.session)}/`;
    const res = await h.postForm('inscription-formation', urlEncoded(values));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(page);
    const json = (await (await h.postJson('inscription-formation', values)).json()) as { next: string };
    expect(json.next).toMatch(new RegExp(`${page}$`));
  });

  it('other forms keep their settings’ thank-you page', async () => {
    const res = await h.postForm('agir', urlEncoded(validSubmissions.agir));
    expect(res.headers.get('location')).toBe('/formulaires/agir/merci/');
  });
});
