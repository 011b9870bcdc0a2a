/** Browser, build and server (Node and Worker): Calendar dates as the site handles them: "AAAA-MM-JJ" strings, compared as text, shown in French. */

// Built once: creating a formatter costs more than formatting (it showed in the form handler's profile).
const rennesDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The environment where there is one (Node, at build); the Worker and the browser pass theirs or none. */
export const processEnv = () => (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

/** Today in Rennes as AAAA-MM-JJ. The build may be pinned with FABRIQUE_AUJOURDHUI=AAAA-MM-JJ (tests, previews). */
export function todayInRennes(now: Date = new Date(), env: Record<string, string | undefined> = processEnv()): string {
  const pinned = env.FABRIQUE_AUJOURDHUI;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return rennesDay.format(now);
}

const asUtc = (iso: string) => new Date(`${iso}T12:00:00Z`);

const longue = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const courte = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The first of the month is written « 1er » in French; Intl writes « 1 ». */
const premier = (text: string) => text.replace(/(^|\s)1 (?=\p{L})/u, '$11er ');

/** "mardi 16 mars 2027", "mardi 1er décembre 2026" */
export function formatDateLongue(iso: string): string {
  return premier(longue.format(asUtc(iso)));
}

/** "16 mars 2027", "1er mars 2027" */
export function formatDate(iso: string): string {
  return premier(courte.format(asUtc(iso)));
}

/** "09:00-12:30" → "de 9 h à 12 h 30" */
export function formatCreneau(slot: string): string {
  const [debut, fin] = slot.split('-') as [string, string];
  return `de ${formatHeure(debut)} à ${formatHeure(fin)}`;
}

/** "09:00" → "9 h", "13:30" → "13 h 30" (French typographic usage). */
export function formatHeure(hhmm: string): string {
  const [h, m] = hhmm.split(':') as [string, string];
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** Monday = 0 … Sunday = 6, for an AAAA-MM-JJ date. */
export function weekdayIndex(iso: string): number {
  return (asUtc(iso).getUTCDay() + 6) % 7;
}

export function addDays(iso: string, days: number): string {
  const d = asUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
