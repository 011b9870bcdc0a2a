/**
 * Issue 17, item 1: a JSON body nested thousands of levels deep (about 10 KB, far under the 64 KiB limit)
 * once overflowed the stack of a recursive walk and got a 500. Any nesting a form value cannot have is
 * refused, in French, before anything walks the value; on each back-end.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nestedTooDeep } from '../../functions/protocol/json-shape.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;

const DEPTH = 5_000;
const deepLists = `{"prenom":${'['.repeat(DEPTH)}"Yann"${']'.repeat(DEPTH)}}`;
const deepObjects = `${'{"a":'.repeat(DEPTH)}"Yann"${'}'.repeat(DEPTH)}`;

async function expectFrenchRefusal(res: Response) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: { message: string }[] };
  expect(body.errors[0]!.message).toMatch(/textes ou des listes de textes/);
}

describe('nesting a form value cannot have → 400, before any walk', () => {
  beforeEach(async () => void (h = await makeHarness()), 60_000);
  afterEach(() => h.cleanup());

  it.each([
    ['lists 5,000 deep (10 KB)', deepLists],
    ['objects 5,000 deep (25 KB)', deepObjects],
    ['an object in an object as a value', JSON.stringify({ ...validSubmissions.agir, prenom: { a: { b: 'c' } } })],
    ['a list in a list', JSON.stringify({ ...validSubmissions.agir, domaines: [['rue']] })],
  ])('%s', async (_, body) => {
    await expectFrenchRefusal(await h.postJson('agir', body));
    expect(await h.count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('a list of texts, and brackets inside a text, are still a form', async () => {
    const res = await h.postJson('agir', { ...validSubmissions.agir, prenom: 'Yann [{"a":[[1]]}]' });
    expect(res.status).toBe(200);
  });
});

describe('nestedTooDeep reads any text in one pass', () => {
  it.each([
    ['{"a":"x","b":["y","z"]}', false],
    ['{"a":"[[[{{{"}', false],
    ['{"a":"\\"[["}', false],
    ['{"a":[[]]}', true],
    ['{"a":{}}', false],
    ['{"a":{"b":[]}}', true],
    ['[[[]]]', true],
    ['{"a":"unterminated', false],
    [']]]]}}}}', false],
  ])('%s → %s', (text, deep) => expect(nestedTooDeep(text)).toBe(deep));
});
