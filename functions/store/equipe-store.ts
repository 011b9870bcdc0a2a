/**
 * The teams' inbox store, written once over a thin runner per back-end (equipe-sqlite.ts, equipe-postgres.ts,
 * equipe-d1.ts): the runner only runs SQL; every decision is in the SQL (equipe-sql.ts) or here.
 */
import { EQUIPE_SQL as Q } from './equipe-sql.ts';
import type {
  AuditEntry,
  Credential,
  EquipeStore,
  InboxRequest,
  Invitation,
  NewNote,
  Note,
  NotifyMode,
  NotifySetting,
  PersonMessage,
  PlaceChange,
  RequestEvent,
  RequestStateName,
  Role,
  SealedBytes,
  Session,
  StaffMember,
  StateChange,
} from './equipe-types.ts';
import { NOTIFY_DEFAULT } from './equipe-types.ts';

export type Statement = { sql: string; params: unknown[] };
/** What a back-end gives: reads, and statements run in one transaction (each one's changed rows and returned rows). */
export interface SqlRunner {
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  batch(statements: Statement[]): Promise<{ changes: number; rows: Row[] }[]>;
  /** The statement that locks a session's places for the transaction, where one writer does not (PostgreSQL). */
  lockSession?: string;
}
export type Row = Record<string, unknown>;

// eslint-disable-next-line @typescript-eslint/no-base-to-string -- a column's value: text or a number
const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
/** Bytes as each driver gives them: Uint8Array (SQLite), Buffer (pg), an array of numbers (D1). */
const bytes = (v: unknown) => (v instanceof Uint8Array ? new Uint8Array(v) : Uint8Array.from(v as number[]));
const s = (sql: string, ...params: unknown[]): Statement => ({ sql, params });

const staffFrom = (r: Row): StaffMember => ({
  id: String(r.id),
  name: String(r.name),
  email: String(r.email),
  role: r.role as Role,
  teams: JSON.parse(String(r.teams_json)) as string[],
  quartiers: JSON.parse(String(r.quartiers_json)) as string[],
  createdAt: String(r.created_at),
});
const credentialFrom = (r: Row): Credential => ({
  id: String(r.id),
  staffId: String(r.staff_id),
  publicKey: String(r.public_key),
  counter: Number(r.counter),
  transports: JSON.parse(String(r.transports_json)) as string[],
  createdAt: String(r.created_at),
});
const sessionFrom = (r: Row): Session => ({
  staffId: String(r.staff_id),
  createdAt: String(r.created_at),
  lastSeenAt: String(r.last_seen_at),
  idleExpiresAt: String(r.idle_expires_at),
  expiresAt: String(r.expires_at),
});
const requestFrom = (r: Row): InboxRequest => ({
  id: String(r.id),
  formKey: String(r.form_key),
  receivedAt: String(r.received_at),
  sealed: r.key_id !== null && r.key_id !== undefined,
  clearJson: text(r.data_json),
  waitingList: r.waiting_list === null || r.waiting_list === undefined ? undefined : Number(r.waiting_list) === 1,
  sessionKey: text(r.session_key),
  state: (text(r.state) ?? 'nouveau') as RequestStateName,
  assigneeId: text(r.assignee_id),
  reason: text(r.reason),
  team: text(r.team),
  quartier: text(r.quartier),
  updatedAt: text(r.updated_at),
  cancelled: r.session_key !== null && r.session_key !== undefined && (r.waiting_list === null || r.waiting_list === undefined),
});
const notifyFrom = (r: Row): NotifySetting => ({
  staffId: String(r.staff_id),
  mode: r.mode as NotifyMode,
  digestSentAt: text(r.digest_sent_at),
});
const auditFrom = (r: Row): AuditEntry => ({
  id: Number(r.id),
  at: String(r.at),
  staffId: String(r.staff_id),
  action: r.action as AuditEntry['action'],
  target: text(r.target),
  detail: text(r.detail),
});

export class SqlEquipeStore implements EquipeStore {
  private readonly db: SqlRunner;
  constructor(runner: SqlRunner) {
    this.db = runner;
  }

  private async first<T>(sql: string, params: unknown[], map: (r: Row) => T): Promise<T | undefined> {
    const [row] = await this.db.all(sql, params);
    return row ? map(row) : undefined;
  }

  async addStaff(m: StaffMember) {
    await this.db.batch([
      s(Q.addStaff, m.id, m.name, m.email, m.role, JSON.stringify(m.teams), JSON.stringify(m.quartiers), m.createdAt),
    ]);
  }
  async updateStaff(m: StaffMember) {
    await this.db.batch([s(Q.updateStaff, m.name, m.email, m.role, JSON.stringify(m.teams), JSON.stringify(m.quartiers), m.id)]);
  }
  staff(id: string) {
    return this.first(Q.staff, [id], staffFrom);
  }
  staffByEmail(email: string) {
    return this.first(Q.staffByEmail, [email], staffFrom);
  }
  async allStaff() {
    return (await this.db.all(Q.allStaff)).map(staffFrom);
  }

  async addInvitation(tokenHash: string, i: Invitation) {
    await this.db.batch([s(Q.addInvitation, tokenHash, i.staffId, i.createdBy, i.createdAt, i.expiresAt)]);
  }
  invitation(tokenHash: string, now: string) {
    return this.first(Q.invitation, [tokenHash, now], (r) => ({
      staffId: String(r.staff_id),
      createdBy: String(r.created_by),
      createdAt: String(r.created_at),
      expiresAt: String(r.expires_at),
    }));
  }
  async useInvitation(tokenHash: string, now: string, c: Credential) {
    const [used] = await this.db.batch([
      s(Q.useInvitation, now, c.id, tokenHash, now),
      s(Q.dropCredentialsOfInvited, tokenHash, c.id),
      s(Q.dropSessionsOfInvited, tokenHash, c.id),
      s(
        Q.addCredentialOfInvited,
        c.id,
        c.staffId,
        c.publicKey,
        c.counter,
        JSON.stringify(c.transports),
        c.createdAt,
        tokenHash,
        c.id,
        c.staffId,
      ),
    ]);
    return used!.changes === 1;
  }
  credential(id: string) {
    return this.first(Q.credential, [id], credentialFrom);
  }
  async credentialsOf(staffId: string) {
    return (await this.db.all(Q.credentialsOf, [staffId])).map(credentialFrom);
  }
  async credentialUsed(id: string, counter: number, at: string) {
    await this.db.batch([s(Q.credentialUsed, counter, at, id)]);
  }

  async addSession(tokenHash: string, x: Session) {
    await this.db.batch([
      s(Q.sweepSessions, x.createdAt, x.createdAt),
      s(Q.addSession, tokenHash, x.staffId, x.createdAt, x.lastSeenAt, x.idleExpiresAt, x.expiresAt),
    ]);
  }
  async touchSession(tokenHash: string, now: string, idleExpiresAt: string) {
    const [touched] = await this.db.batch([s(Q.touchSession, now, idleExpiresAt, tokenHash, now, now)]);
    if (touched!.changes !== 1) return undefined;
    return this.first(Q.session, [tokenHash], sessionFrom);
  }
  async endSession(tokenHash: string) {
    await this.db.batch([s(Q.endSession, tokenHash)]);
  }
  async endSessionsOf(staffId: string) {
    return (await this.db.batch([s(Q.endSessionsOf, staffId)]))[0]!.changes;
  }

  async requests(formKey?: string) {
    const rows = formKey ? await this.db.all(Q.requestsOfForm, [formKey]) : await this.db.all(Q.requests);
    return rows.map(requestFrom);
  }
  request(id: string) {
    return this.first(Q.request, [id], requestFrom);
  }
  sealedBytes(id: string) {
    return this.first(Q.sealedBytes, [id], (r): SealedBytes => ({
      keyId: String(r.key_id),
      encapsulatedKey: bytes(r.encapsulated_key),
      ciphertext: bytes(r.sealed),
    }));
  }
  async changeState(c: StateChange) {
    const detail = [c.state, c.assigneeId, c.reason].filter(Boolean).join(' · ');
    await this.db.batch([
      s(Q.setState, c.submissionId, c.state, c.assigneeId ?? null, c.reason ?? null, c.at),
      s(Q.addEvent, c.submissionId, c.at, c.staffId, 'etat', detail),
    ]);
  }
  async route(submissionId: string, staffId: string, at: string, team: string, quartier?: string) {
    await this.db.batch([
      s(Q.setRoute, submissionId, team, quartier ?? null, at),
      s(Q.addEvent, submissionId, at, staffId, 'transmission', quartier ? `${team} · ${quartier}` : team),
    ]);
  }
  async history(submissionId: string): Promise<RequestEvent[]> {
    return (await this.db.all(Q.history, [submissionId])).map((r) => ({
      at: String(r.at),
      staffId: String(r.staff_id),
      kind: String(r.kind),
      detail: text(r.detail),
    }));
  }
  async addNote(n: NewNote) {
    const [added] = await this.db.batch([
      s(
        Q.addNote,
        n.submissionId,
        n.staffId,
        n.at,
        n.text ?? null,
        n.sealed?.keyId ?? null,
        n.sealed?.encapsulatedKey ?? null,
        n.sealed?.ciphertext ?? null,
      ),
    ]);
    return Number(added!.rows[0]!.id);
  }
  async notes(submissionId: string): Promise<Note[]> {
    return (await this.db.all(Q.notes, [submissionId])).map((r) => ({
      id: Number(r.id),
      submissionId: String(r.submission_id),
      staffId: String(r.staff_id),
      at: String(r.at),
      text: text(r.text),
      sealed:
        r.sealed === null || r.sealed === undefined
          ? undefined
          : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- sealed notes are base64 text columns
            { keyId: String(r.key_id), encapsulatedKey: String(r.encapsulated_key), ciphertext: String(r.sealed) },
    }));
  }
  /** The session's lock (PostgreSQL) then the statements, in one transaction. */
  private placesBatch(sessionKey: string, statements: Statement[]) {
    return this.db.batch(this.db.lockSession ? [s(this.db.lockSession, sessionKey), ...statements] : statements);
  }
  async giveFreedPlace(p: PlaceChange & { submissionId: string }) {
    const out = await this.placesBatch(p.sessionKey, [
      s(Q.giveFreedPlace, p.submissionId, p.sessionKey, p.sessionKey, p.capacity),
    ]);
    const given = out.at(-1)!.rows.length === 1;
    if (given) await this.db.batch([s(Q.addEvent, p.submissionId, p.at, p.staffId, 'place', p.sessionKey)]);
    return given;
  }
  async cancelSignUp(p: PlaceChange & { submissionId: string; reason: string }) {
    const out = await this.placesBatch(p.sessionKey, [
      s(Q.closeSignUps, p.reason, p.at, p.sessionKey, p.submissionId, p.submissionId),
      s(Q.cancelEvents, p.at, p.staffId, p.reason, p.sessionKey, p.submissionId, p.submissionId),
      s(Q.cancelSignUps, p.sessionKey, p.submissionId, p.submissionId),
      s(Q.giveFirstFreedPlace, p.sessionKey, p.sessionKey, p.capacity),
    ]);
    const cancelled = out.at(-2)!.rows.length === 1;
    const promoted = text(out.at(-1)!.rows[0]?.id);
    if (promoted) await this.db.batch([s(Q.addEvent, promoted, p.at, p.staffId, 'place', p.sessionKey)]);
    return { cancelled, promoted };
  }
  async cancelSession(p: Omit<PlaceChange, 'capacity'> & { reason: string }) {
    const out = await this.placesBatch(p.sessionKey, [
      s(Q.closeSignUps, p.reason, p.at, p.sessionKey, null, null),
      s(Q.cancelEvents, p.at, p.staffId, p.reason, p.sessionKey, null, null),
      s(Q.cancelSignUps, p.sessionKey, null, null),
    ]);
    return out
      .at(-1)!
      .rows.map((r) => String(r.id))
      .sort();
  }
  async tellPerson(submissionId: string, email: string, message: PersonMessage, at: string) {
    await this.db.batch([s(Q.tellPerson, submissionId, JSON.stringify([email]), message, at)]);
  }
  async addPrivateLink(tokenHash: string, submissionId: string, expiresAt: string) {
    await this.db.batch([s(Q.addPrivateLink, tokenHash, submissionId, expiresAt)]);
  }
  privateLink(tokenHash: string, now: string) {
    return this.first(Q.privateLink, [tokenHash, now], requestFrom);
  }

  async audit(e: AuditEntry) {
    await this.db.batch([s(Q.audit, e.at, e.staffId, e.action, e.target ?? null, e.detail ?? null)]);
  }
  async auditLog(limit: number, before?: number) {
    const rows =
      before === undefined ? await this.db.all(Q.auditLog, [limit]) : await this.db.all(Q.auditLogBefore, [before, limit]);
    return rows.map(auditFrom);
  }

  async notifySetting(staffId: string) {
    return (await this.first(Q.notificationSetting, [staffId], notifyFrom)) ?? { staffId, mode: NOTIFY_DEFAULT };
  }
  async setNotifyMode(staffId: string, mode: NotifyMode, at: string) {
    await this.db.batch([s(Q.setNotificationMode, staffId, mode, at)]);
  }
  async notifySettings() {
    const [people, settings] = await Promise.all([this.allStaff(), this.db.all(Q.notificationSettings)]);
    const byId = new Map(settings.map((r) => [String(r.staff_id), notifyFrom(r)]));
    return people.map((staff) => ({ staff, setting: byId.get(staff.id) ?? { staffId: staff.id, mode: NOTIFY_DEFAULT } }));
  }
  async claimDigest(staffId: string, at: string, notAfter: string) {
    const [claimed] = await this.db.batch([s(Q.claimDigest, staffId, NOTIFY_DEFAULT, at, at, notAfter)]);
    return claimed!.changes === 1;
  }
  async releaseDigest(staffId: string, at: string, previous: string | undefined) {
    await this.db.batch([s(Q.releaseDigest, previous ?? null, staffId, at)]);
  }
}
