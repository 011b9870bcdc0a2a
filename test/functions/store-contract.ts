/**
 * The contract every SubmissionStore keeps, through its interface only: SQLite today, D1 and PostgreSQL
 * next (issue 9), each calling storeContract() with its own factory. Idempotency, the outbox written in
 * the same transaction, notifications, purge rules, erasure, counters and the health probe.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError, type NewSubmission, type SubmissionStore } from '../../functions/store/types.ts';

export type StoreFactory = () => Promise<{ store: SubmissionStore; cleanup: () => Promise<void> }>;

const T0 = new Date('2027-01-15T10:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

export const submission = (id: string, over: Partial<NewSubmission> = {}): NewSubmission => ({
  id,
  formKey: 'agir',
  receivedAt: T0.toISOString(),
  deleteAfter: at(30).toISOString(),
  content: { kind: 'clear', json: '{"prenom":"Yann"}' },
  ...over,
});
const team = { recipients: ['equipe@exemple.fr'] };
/** A sealed submission's content, as the sealing step hands it to the store. */
const sealedContent = {
  kind: 'sealed',
  keyId: 'k',
  encapsulatedKey: new Uint8Array([1]),
  ciphertext: new Uint8Array([2]),
} as const;

/**
 * groupCommit: false for a store that commits each submission on its own (D1: on workerd a request may not
 * wait on another request's commit).
 */
export function storeContract(name: string, factory: StoreFactory, options: { groupCommit?: boolean } = {}) {
  const groupCommit = options.groupCommit ?? true;
  describe(`${name}: the SubmissionStore contract`, () => {
    let store: SubmissionStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ store, cleanup } = await factory()));
    afterEach(() => cleanup());

    const dueIds = async (now = T0) => (await store.dueNotifications(now, 100)).map((d) => `${d.submissionId}:${d.kind}`);

    it('a saved submission has its team notification due at once, in the same commit', async () => {
      expect(await store.save(submission('a'), { ...team, subject: 'Objet', replyTo: 'y@exemple.fr' })).toEqual({
        id: 'a',
        duplicate: false,
      });
      const [due] = await store.dueNotifications(T0, 10);
      expect(due).toMatchObject({
        submissionId: 'a',
        formKey: 'agir',
        kind: 'equipe',
        recipients: ['equipe@exemple.fr'],
        subject: 'Objet',
        replyTo: 'y@exemple.fr',
        attempts: 0,
        clearJson: '{"prenom":"Yann"}',
      });
    });

    it('a confirmation asked for is a second outbox row', async () => {
      await store.save(submission('a'), { ...team, confirmationTo: 'personne@exemple.fr' });
      expect(await dueIds()).toEqual(['a:equipe', 'a:confirmation']);
    });

    it('idempotency: the same key returns the first id, and queues no second notification', async () => {
      await store.save(submission('a', { idempotencyKey: 'cle-unique-1' }), team);
      expect(await store.save(submission('b', { idempotencyKey: 'cle-unique-1' }), team)).toEqual({ id: 'a', duplicate: true });
      // The same key on another form is another submission.
      expect(await store.save(submission('c', { formKey: 'contact', idempotencyKey: 'cle-unique-1' }), team)).toEqual({
        id: 'c',
        duplicate: false,
      });
      expect(await dueIds()).toEqual(['a:equipe', 'c:equipe']);
    });

    it.runIf(!groupCommit)(
      'a failed commit fails its own submission only, with StoreUnavailableError, and keeps nothing of it',
      async () => {
        await store.save(submission('existe'), team);
        const results = await Promise.allSettled([store.save(submission('b'), team), store.save(submission('existe'), team)]);
        expect(results[0].status).toBe('fulfilled');
        expect(results[1].status === 'rejected' && results[1].reason instanceof StoreUnavailableError).toBe(true);
        expect((await dueIds()).sort()).toEqual(['b:equipe', 'existe:equipe']);
      },
    );

    it.runIf(groupCommit)(
      'a failed commit fails every submission it held, with StoreUnavailableError, and keeps nothing of them',
      async () => {
        await store.save(submission('existe'), team);
        // While one commit is under way, the next two arrive and are committed together.
        const underWay = store.save(submission('avant'), team);
        const results = await Promise.allSettled([store.save(submission('b'), team), store.save(submission('existe'), team)]);
        await underWay;
        for (const r of results) expect(r.status === 'rejected' && r.reason instanceof StoreUnavailableError).toBe(true);
        expect(await dueIds()).toEqual(['existe:equipe', 'avant:equipe']);
      },
    );

    it('a sealed submission gives the mailer no content', async () => {
      await store.save(submission('s', { content: sealedContent }), team);
      const [due] = await store.dueNotifications(T0, 10);
      expect(due?.clearJson).toBeUndefined();
    });

    it('sent rows are no longer due; failed ones wait for their next attempt and count as failing', async () => {
      await store.save(submission('a'), team);
      await store.save(submission('b'), team);
      const [a, b] = await store.dueNotifications(T0, 10);
      await store.notificationSent(a!.outboxId, T0);
      await store.notificationFailed(b!.outboxId, at(1), 'SMTP 451');
      expect(await dueIds()).toEqual([]);
      expect(await dueIds(at(1))).toEqual(['b:equipe']);
      expect((await store.dueNotifications(at(1), 10))[0]!.attempts).toBe(1);
      // The oldest request still waiting for its notification (/_sante's backlog age): b, received at T0.
      expect((await store.counters()).notifications).toEqual({
        pending: 1,
        failing: 1,
        sent: 1,
        oldestPendingAt: T0.toISOString(),
      });
      await store.notificationSent(b!.outboxId, at(1));
      expect((await store.counters()).notifications).toMatchObject({ pending: 0, oldestPendingAt: null });
    });

    it('purge rules: not before the retention ends, never while a notification is unsent', async () => {
      await store.save(submission('court', { deleteAfter: at(10).toISOString() }), team);
      await store.save(submission('long'), team);
      expect(await store.expiredIds(at(9))).toEqual([]);
      // Past its date, but nobody has been told yet: kept.
      expect(await store.expiredIds(at(11))).toEqual([]);
      const due = await store.dueNotifications(T0, 10);
      for (const d of due) await store.notificationSent(d.outboxId, T0);
      expect(await store.expiredIds(at(11))).toEqual(['court']);
      expect(await store.expiredIds(at(31))).toEqual(['court', 'long']);
    });

    it('a confirmation to the person that never goes does not keep the submission past its date', async () => {
      await store.save(submission('a', { deleteAfter: at(10).toISOString() }), { ...team, confirmationTo: 'faute@exemple.fr' });
      const [equipe, confirmation] = await store.dueNotifications(T0, 10);
      await store.notificationSent(equipe!.outboxId, T0);
      await store.notificationFailed(confirmation!.outboxId, at(100), 'SMTP 550');
      expect(await store.expiredIds(at(11))).toEqual(['a']);
    });

    it('erase removes the submissions and their outbox rows, and says it finished', async () => {
      await store.save(submission('a'), { ...team, confirmationTo: 'p@exemple.fr' });
      await store.save(submission('b'), team);
      expect(await store.erase(['a', 'inconnu'])).toEqual({ erased: 1, clean: true });
      expect(await dueIds()).toEqual(['b:equipe']);
      expect(await store.erase([])).toEqual({ erased: 0, clean: true });
    });

    it('counters add up across calls', async () => {
      await store.addCounts({ accepte: 2, refus_invalide: 1 });
      await store.addCounts({ accepte: 3 });
      expect((await store.counters()).counts).toEqual({ accepte: 5, refus_invalide: 1 });
    });

    describe('places of a session', () => {
      const signUp = (id: string, capacity: number, over: Partial<NewSubmission> = {}) =>
        store.save(
          submission(id, { formKey: 'inscription-formation', place: { session: 'creche/mars', capacity }, ...over }),
          team,
        );

      it('a form without places says nothing of places', async () => {
        expect(await store.save(submission('a'), team)).toEqual({ id: 'a', duplicate: false });
        expect(await store.placesTaken()).toEqual({});
      });

      it('the last place goes to the first; the next is recorded on the waiting list, and the team is told', async () => {
        expect(await signUp('a', 2)).toEqual({ id: 'a', duplicate: false, waitingList: false });
        expect(await signUp('b', 2)).toEqual({ id: 'b', duplicate: false, waitingList: false });
        expect(await signUp('c', 2)).toEqual({ id: 'c', duplicate: false, waitingList: true });
        expect(await store.placesTaken()).toEqual({ 'creche/mars': 2 });
        const due = await store.dueNotifications(T0, 10);
        expect(due.map((d) => [d.submissionId, d.waitingList ?? false])).toEqual([
          ['a', false],
          ['b', false],
          ['c', true],
        ]);
        // Another session counts its own places.
        expect(await store.save(submission('d', { place: { session: 'creche/avril', capacity: 1 } }), team)).toMatchObject({
          waitingList: false,
        });
        expect(await store.placesTaken()).toEqual({ 'creche/mars': 2, 'creche/avril': 1 });
      });

      it('a session with no place left online (capacity 0) records every sign-up on the waiting list', async () => {
        expect(await signUp('a', 0)).toMatchObject({ waitingList: true });
        expect(await store.placesTaken()).toEqual({});
      });

      it('N sign-ups posted at once for 1 place: exactly one gets it, the others are on the waiting list, none lost', async () => {
        await signUp('avant', 3);
        await signUp('avant-2', 3);
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signUp(`p${i}`, 3)));
        expect(results.filter((r) => r.waitingList === false)).toHaveLength(1);
        expect(results.filter((r) => r.waitingList === true)).toHaveLength(11);
        expect(await store.placesTaken()).toEqual({ 'creche/mars': 3 });
        expect(await dueIds()).toHaveLength(14);
      });

      it('a retry of a sign-up gets the first answer, place or waiting list, and takes nothing more', async () => {
        expect(await signUp('a', 1, { idempotencyKey: 'cle-place-1' })).toMatchObject({ waitingList: false });
        expect(await signUp('b', 1, { idempotencyKey: 'cle-place-1' })).toEqual({ id: 'a', duplicate: true, waitingList: false });
        expect(await signUp('c', 1, { idempotencyKey: 'cle-place-2' })).toMatchObject({ waitingList: true });
        expect(await signUp('d', 1, { idempotencyKey: 'cle-place-2' })).toEqual({ id: 'c', duplicate: true, waitingList: true });
        expect(await store.placesTaken()).toEqual({ 'creche/mars': 1 });
      });

      it('erasing a sign-up frees its place', async () => {
        await signUp('a', 1);
        expect(await signUp('b', 1)).toMatchObject({ waitingList: true });
        await store.erase(['a']);
        expect(await signUp('c', 1)).toMatchObject({ waitingList: false });
      });

      it('a sealed sign-up is counted too: its session key is kept in clear', async () => {
        expect(await signUp('s', 1, { content: sealedContent })).toMatchObject({ waitingList: false });
        expect(await signUp('t', 1, { content: sealedContent })).toMatchObject({ waitingList: true });
        expect(await store.placesTaken()).toEqual({ 'creche/mars': 1 });
      });
    });

    it('the health probe writes and says so, leaving nothing behind', async () => {
      expect(await store.writable()).toBe(true);
      expect(await store.expiredIds(at(1000))).toEqual([]);
    });
  });
}
