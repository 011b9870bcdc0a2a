/**
 * The contract of the teams' inbox store (functions/store/equipe-types.ts), through its interface only,
 * run on each back-end (equipe-store-{sqlite,postgres,d1}.test.ts): staff, single-use invitations that
 * replace passkeys, sessions with idle and absolute expiry, request state and history, notes, routing,
 * the append-only audit, what an erasure takes with it, a session's places (a freed place given, a sign-up
 * or a whole session cancelled) and residents' private links.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EquipeStore, StaffMember } from '../../functions/store/equipe-types.ts';
import type { SubmissionStore } from '../../functions/store/types.ts';
import { submission } from './store-contract.ts';

export type EquipeFactory = () => Promise<{
  store: SubmissionStore;
  /** Runs SQL as someone holding the application's connection would (the audit must refuse changes). */
  exec: (sql: string) => Promise<unknown>;
  cleanup: () => Promise<void>;
}>;

const T = '2027-01-15T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();
const admin: StaffMember = {
  id: 'p1',
  name: 'Awa Admin',
  email: 'awa@exemple.fr',
  role: 'administrateur',
  teams: [],
  quartiers: [],
  createdAt: T,
};
const referent: StaffMember = {
  ...admin,
  id: 'p2',
  name: 'Rémi Référent',
  email: 'remi@exemple.fr',
  role: 'referent',
  quartiers: ['maurepas'],
};
const credential = (id: string, staffId = 'p1') => ({
  id,
  staffId,
  publicKey: `pk-${id}`,
  counter: 0,
  transports: ['internal'],
  createdAt: T,
});
const team = { recipients: ['equipe@exemple.fr'] };

export function equipeStoreContract(name: string, factory: EquipeFactory) {
  describe(`${name}: the EquipeStore contract`, () => {
    let store: SubmissionStore;
    let equipe: EquipeStore;
    let exec: (sql: string) => Promise<unknown>;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, exec, cleanup } = await factory());
      equipe = store.equipe!();
    });
    afterEach(() => cleanup());

    it('staff members with role, teams and quartiers; one per e-mail', async () => {
      await equipe.addStaff(admin);
      await equipe.addStaff(referent);
      expect(await equipe.staff('p2')).toEqual(referent);
      expect(await equipe.staffByEmail('awa@exemple.fr')).toEqual(admin);
      expect((await equipe.allStaff()).map((m) => m.id)).toEqual(['p1', 'p2']);
      await expect(equipe.addStaff({ ...referent, id: 'p3' })).rejects.toThrow();
      await equipe.updateStaff({ ...referent, role: 'membre', teams: ['accueil'], quartiers: [] });
      expect(await equipe.staff('p2')).toMatchObject({ role: 'membre', teams: ['accueil'], quartiers: [] });
    });

    it('an invitation is used once, before it expires; using it replaces the person’s passkeys and sessions', async () => {
      await equipe.addStaff(admin);
      await equipe.addInvitation('h1', { staffId: 'p1', createdBy: 'console', createdAt: T, expiresAt: later(60) });
      expect(await equipe.invitation('h1', later(61))).toBeUndefined();
      expect(await equipe.invitation('h1', T)).toMatchObject({ staffId: 'p1', createdBy: 'console' });
      expect(await equipe.useInvitation('h1', T, credential('c1'))).toBe(true);
      expect(await equipe.useInvitation('h1', T, credential('c2'))).toBe(false);
      expect(await equipe.invitation('h1', T)).toBeUndefined();
      expect((await equipe.credentialsOf('p1')).map((c) => c.id)).toEqual(['c1']);
      // Recovery: a new invitation replaces the lost passkey and ends the sessions it opened.
      await equipe.addSession('s1', {
        staffId: 'p1',
        createdAt: T,
        lastSeenAt: T,
        idleExpiresAt: later(30),
        expiresAt: later(720),
      });
      await equipe.addInvitation('h2', { staffId: 'p1', createdBy: 'p9', createdAt: T, expiresAt: later(60) });
      expect(await equipe.useInvitation('h2', later(1), credential('c3'))).toBe(true);
      expect((await equipe.credentialsOf('p1')).map((c) => c.id)).toEqual(['c3']);
      expect(await equipe.touchSession('s1', later(2), later(32))).toBeUndefined();
      // An expired invitation does nothing.
      await equipe.addInvitation('h3', { staffId: 'p1', createdBy: 'p9', createdAt: T, expiresAt: later(60) });
      expect(await equipe.useInvitation('h3', later(61), credential('c4'))).toBe(false);
      expect(await equipe.credential('c4')).toBeUndefined();
      await equipe.credentialUsed('c3', 5, later(3));
      expect(await equipe.credential('c3')).toMatchObject({
        counter: 5,
        staffId: 'p1',
        publicKey: 'pk-c3',
        transports: ['internal'],
      });
    });

    it('sessions: idle and absolute expiry, sign-out, sign-out everywhere', async () => {
      await equipe.addStaff(admin);
      const open = (h: string) =>
        equipe.addSession(h, { staffId: 'p1', createdAt: T, lastSeenAt: T, idleExpiresAt: later(30), expiresAt: later(90) });
      await open('a');
      await open('b');
      await open('c');
      expect(await equipe.touchSession('a', later(29), later(59))).toMatchObject({ staffId: 'p1', idleExpiresAt: later(59) });
      expect(await equipe.touchSession('a', later(58), later(88))).toBeDefined();
      expect(await equipe.touchSession('a', later(91), later(121))).toBeUndefined();
      expect(await equipe.touchSession('b', later(31), later(61))).toBeUndefined();
      await equipe.endSession('c');
      expect(await equipe.touchSession('c', later(1), later(31))).toBeUndefined();
      await open('d');
      await open('e');
      expect(await equipe.endSessionsOf('p1')).toBeGreaterThanOrEqual(2);
      expect(await equipe.touchSession('d', later(1), later(31))).toBeUndefined();
    });

    it('requests: new by default; taken, answered, closed with a reason, each step in the history', async () => {
      await store.save(submission('r1'), team);
      await store.save(submission('r2', { formKey: 'contact', receivedAt: later(5) }), team);
      await store.save(
        submission('r3', {
          formKey: 'demande-aide',
          receivedAt: later(6),
          content: {
            kind: 'sealed',
            keyId: 'k1',
            encapsulatedKey: new Uint8Array([1, 2]),
            ciphertext: new Uint8Array([3, 4, 5]),
          },
        }),
        team,
      );
      expect((await equipe.requests()).map((r) => [r.id, r.state, r.sealed])).toEqual([
        ['r1', 'nouveau', false],
        ['r2', 'nouveau', false],
        ['r3', 'nouveau', true],
      ]);
      expect((await equipe.requests('contact')).map((r) => r.id)).toEqual(['r2']);
      expect(await equipe.request('r1')).toMatchObject({ clearJson: '{"prenom":"Yann"}', formKey: 'agir' });
      expect((await equipe.request('r3'))?.clearJson).toBeUndefined();
      expect(await equipe.sealedBytes('r3')).toEqual({
        keyId: 'k1',
        encapsulatedKey: new Uint8Array([1, 2]),
        ciphertext: new Uint8Array([3, 4, 5]),
      });
      expect(await equipe.sealedBytes('r1')).toBeUndefined();
      await equipe.changeState({ submissionId: 'r1', staffId: 'p1', at: later(10), state: 'en_cours', assigneeId: 'p1' });
      expect(await equipe.request('r1')).toMatchObject({ state: 'en_cours', assigneeId: 'p1' });
      await equipe.changeState({ submissionId: 'r1', staffId: 'p1', at: later(11), state: 'clos', reason: 'orienté ailleurs' });
      expect(await equipe.request('r1')).toMatchObject({ state: 'clos', reason: 'orienté ailleurs' });
      await equipe.route('r1', 'p1', later(12), 'referents', 'maurepas');
      expect(await equipe.request('r1')).toMatchObject({ state: 'clos', team: 'referents', quartier: 'maurepas' });
      await equipe.route('r2', 'p1', later(13), 'accueil');
      expect(await equipe.request('r2')).toMatchObject({ state: 'nouveau', team: 'accueil' });
      expect((await equipe.history('r1')).map((e) => [e.kind, e.detail])).toEqual([
        ['etat', 'en_cours · p1'],
        ['etat', 'clos · orienté ailleurs'],
        ['transmission', 'referents · maurepas'],
      ]);
    });

    it('notes: clear or sealed; erasing a submission takes its state, history and notes, never the audit', async () => {
      await store.save(submission('r1'), team);
      const a = await equipe.addNote({ submissionId: 'r1', staffId: 'p1', at: later(1), text: 'Rappelée mardi' });
      const b = await equipe.addNote({
        submissionId: 'r1',
        staffId: 'p1',
        at: later(2),
        sealed: { keyId: 'k1', encapsulatedKey: 'ZW5j', ciphertext: 'Y3Q' },
      });
      expect(b).toBeGreaterThan(a);
      expect(await equipe.notes('r1')).toEqual([
        { id: a, submissionId: 'r1', staffId: 'p1', at: later(1), text: 'Rappelée mardi', sealed: undefined },
        {
          id: b,
          submissionId: 'r1',
          staffId: 'p1',
          at: later(2),
          text: undefined,
          sealed: { keyId: 'k1', encapsulatedKey: 'ZW5j', ciphertext: 'Y3Q' },
        },
      ]);
      await equipe.changeState({ submissionId: 'r1', staffId: 'p1', at: later(3), state: 'en_cours', assigneeId: 'p1' });
      await equipe.audit({ at: later(4), staffId: 'p1', action: 'suppression', target: 'r1' });
      expect((await store.erase(['r1'])).erased).toBe(1);
      expect(await equipe.notes('r1')).toEqual([]);
      expect(await equipe.history('r1')).toEqual([]);
      expect(await equipe.request('r1')).toBeUndefined();
      expect((await equipe.auditLog(10)).map((e) => e.target)).toEqual(['r1']);
    });

    it('places: a freed place given to a waiting person; a cancelled sign-up frees its place for the first waiting', async () => {
      const key = 'f1/s1';
      const signUp = (id: string, minute: number) =>
        store.save(
          submission(id, { formKey: 'inscription-formation', receivedAt: later(minute), place: { session: key, capacity: 2 } }),
          team,
        );
      for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) await signUp(id, i);
      const lists = async () =>
        (await equipe.requests('inscription-formation')).map((r) => [
          r.id,
          r.cancelled ? 'annulé' : r.waitingList ? 'attente' : 'place',
        ]);
      expect(await lists()).toEqual([
        ['a', 'place'],
        ['b', 'place'],
        ['c', 'attente'],
        ['d', 'attente'],
      ]);
      const change = { sessionKey: key, capacity: 2, staffId: 'p1', at: later(10) };
      // No place is free: nobody moves.
      expect(await equipe.giveFreedPlace({ ...change, submissionId: 'd' })).toBe(false);
      // A cancelled place goes to the first person waiting, in the same step.
      expect(await equipe.cancelSignUp({ ...change, submissionId: 'a', reason: 'annulée par la personne' })).toEqual({
        cancelled: true,
        promoted: 'c',
      });
      expect(await equipe.cancelSignUp({ ...change, submissionId: 'a', reason: 'encore' })).toEqual({ cancelled: false });
      expect(await lists()).toEqual([
        ['a', 'annulé'],
        ['b', 'place'],
        ['c', 'place'],
        ['d', 'attente'],
      ]);
      expect(await equipe.request('a')).toMatchObject({ state: 'clos', reason: 'annulée par la personne' });
      expect((await equipe.history('c')).map((e) => e.kind)).toEqual(['place']);
      // A waiting person chosen by the team: only once a place is free.
      await equipe.cancelSignUp({ ...change, capacity: 1, submissionId: 'b', reason: 'absente' });
      expect(await lists()).toEqual([
        ['a', 'annulé'],
        ['b', 'annulé'],
        ['c', 'place'],
        ['d', 'attente'],
      ]);
      expect(await equipe.giveFreedPlace({ ...change, submissionId: 'd' })).toBe(true);
      expect(await equipe.giveFreedPlace({ ...change, submissionId: 'd' })).toBe(false);
      expect(await lists()).toEqual([
        ['a', 'annulé'],
        ['b', 'annulé'],
        ['c', 'place'],
        ['d', 'place'],
      ]);
      expect(await store.placesTaken()).toEqual({ [key]: 2 });
      // The session cancelled: everyone still counted, once.
      expect(await equipe.cancelSession({ sessionKey: key, staffId: 'p1', at: later(20), reason: 'session annulée' })).toEqual([
        'c',
        'd',
      ]);
      expect(await equipe.cancelSession({ sessionKey: key, staffId: 'p1', at: later(21), reason: 'session annulée' })).toEqual(
        [],
      );
      expect(await equipe.request('d')).toMatchObject({ state: 'clos', reason: 'session annulée', cancelled: true });
      expect(await store.placesTaken()).toEqual({});
    });

    it('private links: found by the token’s hash until they expire; gone with the submission', async () => {
      await store.save(submission('r1'), team);
      await equipe.addPrivateLink('hash-1', 'r1', later(60));
      expect(await equipe.privateLink('hash-1', later(1))).toMatchObject({ id: 'r1', state: 'nouveau', cancelled: false });
      expect(await equipe.privateLink('hash-2', later(1))).toBeUndefined();
      expect(await equipe.privateLink('hash-1', later(60))).toBeUndefined();
      await store.erase(['r1']);
      expect(await equipe.privateLink('hash-1', later(1))).toBeUndefined();
    });

    it('the audit is appended to, newest first, paged; it refuses updates and deletes', async () => {
      for (let i = 0; i < 5; i++) await equipe.audit({ at: later(i), staffId: 'p1', action: 'lecture', target: `r${i}` });
      const page = await equipe.auditLog(2);
      expect(page.map((e) => e.target)).toEqual(['r4', 'r3']);
      expect((await equipe.auditLog(2, page[1]!.id)).map((e) => e.target)).toEqual(['r2', 'r1']);
      await expect(exec(`UPDATE audit SET target = 'x'`)).rejects.toThrow(/ajout seulement/);
      await expect(exec('DELETE FROM audit')).rejects.toThrow(/ajout seulement/);
      expect((await equipe.auditLog(10)).length).toBe(5);
    });

    it('notification settings: a daily digest by default, each person’s own choice, a digest claimed once', async () => {
      await equipe.addStaff(admin);
      await equipe.addStaff(referent);
      expect(await equipe.notifySetting('p1')).toEqual({ staffId: 'p1', mode: 'quotidien' });
      await equipe.setNotifyMode('p1', 'immediat', T);
      await equipe.setNotifyMode('p2', 'aucun', T);
      await equipe.setNotifyMode('p2', 'quotidien', later(1));
      const all = await equipe.notifySettings();
      expect(all.map((x) => [x.staff.id, x.setting.mode])).toEqual([
        ['p1', 'immediat'],
        ['p2', 'quotidien'],
      ]);
      // Two instances at once: one claims the digest; the next day's is claimable again.
      const claims = await Promise.all([equipe.claimDigest('p2', T, later(-60)), equipe.claimDigest('p2', T, later(-60))]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await equipe.notifySetting('p2')).digestSentAt).toBe(T);
      expect(await equipe.claimDigest('p2', later(60), later(-60))).toBe(false);
      expect(await equipe.claimDigest('p2', later(24 * 60), later(20 * 60))).toBe(true);
      // Not sent: given back, so the next run tries again; the mode is kept.
      await equipe.releaseDigest('p2', later(24 * 60), T);
      expect(await equipe.notifySetting('p2')).toEqual({ staffId: 'p2', mode: 'quotidien', digestSentAt: T });
      // Someone who never chose gets a row with the default when their first digest is claimed.
      await equipe.addStaff({ ...admin, id: 'p3', email: 'p3@exemple.fr' });
      expect(await equipe.claimDigest('p3', T, later(-60))).toBe(true);
      expect(await equipe.notifySetting('p3')).toEqual({ staffId: 'p3', mode: 'quotidien', digestSentAt: T });
    });
  });
}
