/** Open data ids (src/lib/open-data/hsds.ts): real RFC 9562 version 5 UUIDs, the same key giving the same id. */
import { describe, expect, it } from 'vitest';
import { uuidFor, uuidV5 } from '../../src/lib/open-data/hsds.ts';

describe('HSDS ids', () => {
  it('computes the RFC 9562 example of a version 5 UUID (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives each key its own stable version 5 id', () => {
    const id = uuidFor('service:formation:comprendre-la-mdph');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFor('service:formation:comprendre-la-mdph')).toBe(id);
    expect(uuidFor('service:formation:autre')).not.toBe(id);
  });
});
