/**
 * Build: "Envoyer par SMS" links: the essential facts (what, when, where) and the page's address, in at most 300
 * characters, as an sms: link that Android and iOS both open with the text filled in (no JavaScript).
 */
import { formatCreneau, formatDateLongue } from '../time/dates.ts';
import { phrase } from './typographie.ts';
import { formatRecurrence } from '../time/horaires.ts';
import type { Formation, Quartier, Referent, Site } from '../site/content.ts';
import { etatSession } from '../time/sessions.ts';
import { URGENCES } from '../site/urgences.ts';

export const SMS_MAX = 300;

/** The text of the message: the facts in order, whole (a fact that does not fit is left out, never cut), the address always last. */
export function smsTexte(faits: string[], adresse: string): string {
  let room = SMS_MAX - adresse.length;
  const kept: string[] = [];
  for (const fait of faits) {
    if (fait.length + 1 > room) continue;
    kept.push(fait);
    room -= fait.length + 1;
  }
  return [...kept, adresse].join('\n');
}

/**
 * `sms:?&body=`: iOS reads the body after "&", Android after "?"; the text is percent-encoded (UTF-8), so
 * line breaks, "&" and "#" arrive as written. Letters beyond ASCII (accents, no-break spaces) are left as they are:
 * valid in a URL, and encoded as UTF-8 by the browser when it opens the link; three times fewer bytes for each,
 * which counts on the offline page and its nine SMS links (≤ 50 KB kept on the device, budgets.md).
 */
export function smsHref(texte: string): string {
  return `sms:?&body=${[...texte].map((c) => (c.codePointAt(0)! >= 0xa0 ? c : encodeURIComponent(c))).join('')}`;
}

// Lookups by hand rather than content.ts's must(): this file stays importable outside Astro (unit tests).
const lieuCourt = (site: Site, id: string) => {
  const l = site.lieu.get(id)!.data;
  return `${l.nom}, ${l.adresse.rue}, ${l.adresse.code_postal} ${l.adresse.ville}`;
};

/** A referent's permanences: who, when, where. */
export function smsReferent(referent: Referent, site: Site): string[] {
  const d = referent.data;
  const quartier = site.quartier.get(d.quartier)!.data.nom;
  return [
    phrase(`Référents handicap et inclusion, quartier ${quartier} (Rennes)${d.statut === 'en-poste' ? ` : ${d.prenom}` : ''}`),
    ...d.permanences.map(
      (p) =>
        `Permanence ${formatRecurrence(p)}, ${formatCreneau(p.creneau)}, ${lieuCourt(site, p.lieu)}${p.modalites ? `, ${p.modalites}` : ''}.`,
    ),
  ];
}

/** A quartier: its referents' permanences. */
export function smsQuartier(quartier: Quartier, site: Site): string[] {
  const referents = site.referents.filter((r) => r.data.quartier === quartier.id && r.data.permanences.length > 0);
  const permanences = referents.flatMap((r) =>
    r.data.permanences.map((p) => `Permanence ${formatRecurrence(p)}, ${formatCreneau(p.creneau)}, ${lieuCourt(site, p.lieu)}.`),
  );
  return [`Référents handicap et inclusion du quartier ${quartier.data.nom} (Rennes), gratuit.`, ...permanences];
}

/** A training: its next session one can still join; never a past, full or cancelled one. */
export function smsFormation(formation: Formation, site: Site, today: string): string[] {
  const d = formation.data;
  const aVenir = [...d.sessions].filter((s) => s.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const s = aVenir.find((x) => etatSession(x, d, today) === 'ouverte');
  const quand = s
    ? `Prochaine session : ${formatDateLongue(s.date)}, ${formatCreneau(s.creneau)}, ${lieuCourt(site, s.lieu)}.`
    : 'Pas de session ouverte à l’inscription pour l’instant.';
  return [`Formation « ${d.titre} » (Rennes)${d.gratuit ? ', gratuite' : ''}.`, quand];
}

// Neutral words: the message may be read on a phone someone else watches (3919 is not named).
const NEUTRE: Record<string, string> = {
  '3919': 'écoute',
  '115': 'hébergement',
  '17': 'police',
  '112': 'urgence',
  '114': 'par SMS',
  '119': 'enfance',
};

/** The help page: the free numbers, in words that put nobody at risk if the message is read by someone else. */
export function smsAide(): string[] {
  return [`Numéros d’aide gratuits, 24 h/24 : ${URGENCES.map((u) => `${u.numero} (${NEUTRE[u.numero] ?? 'aide'})`).join(', ')}.`];
}
