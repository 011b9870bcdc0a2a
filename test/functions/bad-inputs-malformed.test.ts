/** shared/spec/bad-inputs.md, "Malformed requests" (items 1–8): each refused, nothing stored. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const valid = urlEncoded(validSubmissions.agir);
const expectNothingStored = () => expect(h.count()).toEqual({ submissions: 0, outbox: 0 });

async function expectJsonRefusal(res: Response, status: number) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: string; errors: { message: string }[] };
  expect(typeof body.error).toBe('string');
  expect(body.errors[0]!.message).toMatch(/[a-zàéè]/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  return body;
}

describe('1–2. body over 64 KiB', () => {
  const big = `${valid}&message=${'a'.repeat(70 * 1024)}`;

  it('1. with a Content-Length → 413 FILES_TOO_BIG, nothing stored', async () => {
    const res = await h.postForm('agir', big, { 'content-length': String(big.length), accept: 'application/json' });
    const body = await expectJsonRefusal(res, 413);
    expect(body.errors[0]).toMatchObject({ code: 'FILES_TOO_BIG' });
    expectNothingStored();
  });

  it('2. sent chunked, without Content-Length → 413, nothing stored', async () => {
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
        controller.close();
      },
    });
    const res = await h.app.request('/f/agir', {
      method: 'POST',
      body: stream,
      headers: { origin: 'https://fabrique.test', 'content-type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('trop long');
    expectNothingStored();
  });
});

describe('3. wrong or missing Content-Type → 415', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['XML', 'application/xml'],
    ['form in Latin-1', 'application/x-www-form-urlencoded; charset=iso-8859-1'],
  ])('%s', async (_, type) => {
    const res = await h.post('agir', valid, { 'content-type': type, accept: 'application/json' });
    await expectJsonRefusal(res, 415);
    expectNothingStored();
  });

  it('missing', async () => {
    const res = await h.post('agir', new TextEncoder().encode(valid), { accept: 'application/json' });
    await expectJsonRefusal(res, 415);
  });
});

describe('4. other methods → 405 with Allow: POST', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s', async (method) => {
    for (const path of ['/f/agir', '/p/projet/f/agir']) {
      const res = await h.app.request(path, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });
});

describe('5. malformed JSON → 400', () => {
  it.each([
    ['truncated', '{"prenom": "Yann", "email": "y'],
    ['not JSON', 'prenom=Yann'],
    ['an array', '[{"prenom": "Yann"}]'],
    ['a string', '"Yann"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('%s', async (_, body) => {
    await expectJsonRefusal(await h.postJson('agir', body), 400);
    expectNothingStored();
  });
});

describe('6. invalid UTF-8 → 400, nothing stored', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it.each([
    ['a lone 0xFF byte in a form body', 'application/x-www-form-urlencoded', bytes(valid, '&message=', [0xff])],
    ['an overlong sequence in a form body', 'application/x-www-form-urlencoded', bytes(valid, '&message=', [0xc0, 0xaf])],
    ['%FF percent-encoded', 'application/x-www-form-urlencoded', bytes(valid, '&message=%FF')],
    ['an overlong sequence percent-encoded', 'application/x-www-form-urlencoded', bytes(valid, '&message=%C0%AF')],
    ['a lone surrogate percent-encoded', 'application/x-www-form-urlencoded', bytes(valid, '&message=%ED%A0%80')],
    ['a lone 0xFF byte in JSON', 'application/json', bytes('{"prenom":"', [0xff], '"}')],
    ['a lone surrogate escaped in JSON', 'application/json', bytes('{"prenom":"a\\ud800b"}')],
    [
      'a 0xFF byte in a multipart text part',
      'multipart/form-data; boundary=XyZ',
      bytes('--XyZ\r\nContent-Disposition: form-data; name="prenom"\r\n\r\n', [0xff], '\r\n--XyZ--\r\n'),
    ],
  ])('%s', async (_, type, body) => {
    await expectJsonRefusal(await h.post('agir', body, { 'content-type': type, accept: 'application/json' }), 400);
    expectNothingStored();
  });
});

describe('7. duplicate fields → refused, nothing stored', () => {
  it('email=a&email=b → 422 on the field', async () => {
    const res = await h.postForm('agir', `${valid}&email=autre@exemple.fr`, { accept: 'application/json' });
    const body = await expectJsonRefusal(res, 422);
    expect(body.errors).toContainEqual(expect.objectContaining({ field: 'email', code: 'TYPE_TEXT' }));
    expectNothingStored();
  });

  it('a repeated JSON key → 400', async () => {
    const res = await h.postJson(
      'agir',
      '{"prenom":"Yann","nom":"K","email":"y@exemple.fr","email":"z@exemple.fr","domaines":["rue"],"disponibilites":["week-end"]}',
    );
    await expectJsonRefusal(res, 400);
    expectNothingStored();
  });

  it('a checkbox group may repeat its name (that is how browsers send it)', async () => {
    expect((await h.postForm('agir', valid)).status).toBe(303);
  });
});

describe('8. multipart abuse → refused, nothing written', () => {
  const multipart = (parts: string[]) => `${parts.map((p) => `--B0UND\r\n${p}\r\n`).join('')}--B0UND--\r\n`;
  const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
  const fieldsOf = (v: Record<string, string | string[]>) =>
    Object.entries(v).flatMap(([k, x]) => [x].flat().map((y) => field(k, y)));
  // A temp folder of this process's own (os.tmpdir() reads TMPDIR): other test files writing to the
  // system's /tmp at the same time must not make a count differ.
  let ownTmp = '';
  const systemTmp = process.env.TMPDIR;
  beforeAll(() => {
    ownTmp = mkdtempSync(path.join(tmpdir(), 'multipart-'));
    process.env.TMPDIR = ownTmp;
  });
  afterAll(() => {
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
    rmSync(ownTmp, { recursive: true, force: true });
  });
  const tmpBefore = () => readdirSync(ownTmp).length;

  it('a valid multipart submission is accepted', async () => {
    const res = await h.post('agir', multipart(fieldsOf(validSubmissions.agir)), {
      'content-type': 'multipart/form-data; boundary=B0UND',
    });
    expect(res.status).toBe(303);
  });

  it('a file part → 422 NO_FILE_UPLOADS', async () => {
    const before = tmpBefore();
    const file =
      'Content-Disposition: form-data; name="piece"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 binaire';
    const res = await h.post('agir', multipart([...fieldsOf(validSubmissions.agir), file]), {
      'content-type': 'multipart/form-data; boundary=B0UND',
      accept: 'application/json',
    });
    const body = await expectJsonRefusal(res, 422);
    expect(body.errors[0]).toMatchObject({ code: 'NO_FILE_UPLOADS' });
    expectNothingStored();
    expect(tmpBefore()).toBe(before);
  });

  it('hundreds of parts → 400', async () => {
    const parts = Array.from({ length: 300 }, (_, i) => field(`x${i}`, 'a'));
    await expectJsonRefusal(
      await h.post('agir', multipart(parts), {
        'content-type': 'multipart/form-data; boundary=B0UND',
        accept: 'application/json',
      }),
      400,
    );
    expectNothingStored();
  });

  it('a missing boundary → 400', async () => {
    await expectJsonRefusal(
      await h.post('agir', multipart(fieldsOf(validSubmissions.agir)), {
        'content-type': 'multipart/form-data',
        accept: 'application/json',
      }),
      400,
    );
    expectNothingStored();
  });

  it('a body that does not match its boundary → 400', async () => {
    await expectJsonRefusal(
      await h.post('agir', 'pas du tout multipart', {
        'content-type': 'multipart/form-data; boundary=B0UND',
        accept: 'application/json',
      }),
      400,
    );
  });
});
