/**
 * Formspree's special fields (names starting with _). They steer the handling and are never stored
 * as submission data.
 */
import { cleanText, textProblem } from '../../src/schemas/forms/text.ts';
import { EMAIL_PATTERN } from '../../src/schemas/forms/rules.ts';
import type { RawFields } from './body.ts';

export type Special = {
  /** Honeypot filled: answer as a success, keep nothing. */
  spam: boolean;
  next?: string;
  subject?: string;
  replyTo?: string;
  idempotencyKey?: string;
};

const IGNORED = new Set(['_cc', '_format', '_language', '_template', '_bcc', '_autoresponse']);
// `_langue`: a translated page's language (src/i18n/formulaires/), read by submit.ts; an unknown one means French.
const HANDLED = new Set(['_gotcha', '_next', '_subject', '_replyto', '_idempotency', '_langue']);

export const isSpecialField = (name: string) => IGNORED.has(name) || HANDLED.has(name);

// Same-site path only: one leading slash, no scheme, no backslash (browsers read \ as /), and printable
// ASCII only: a control or non-ASCII character cannot go in a Location header (Node refuses it with a 500).
const SAME_SITE_PATH = /^\/(?![/\\])[!-[\]-~]{0,300}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export type SpecialProblem = { field: string; message: string };

/** Reads the special fields; problems are for values that could reach a mail header. */
export function readSpecialFields(fields: RawFields, headerKey: string | null): { special: Special; problems: SpecialProblem[] } {
  const text = (name: string) => {
    const v = fields.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const gotcha = fields.get('_gotcha');
  const special: Special = { spam: gotcha !== undefined && gotcha !== '' && gotcha !== null && gotcha !== false };
  const problems: SpecialProblem[] = [];

  const next = text('_next');
  if (next && SAME_SITE_PATH.test(next)) special.next = next;

  const subject = text('_subject');
  if (subject !== undefined && subject !== '') {
    const problem = textProblem(subject, false);
    if (problem) problems.push({ field: '_subject', message: `Objet du message : ${problem}` });
    else special.subject = cleanText(subject).slice(0, 150);
  }

  const replyTo = text('_replyto');
  if (replyTo !== undefined && replyTo !== '') {
    if (textProblem(replyTo, false) || !EMAIL_PATTERN.test(replyTo.trim()) || replyTo.length > 254)
      problems.push({
        field: '_replyto',
        message: 'Adresse de réponse : entrez une adresse e-mail complète, par exemple prenom.nom@exemple.fr',
      });
    else special.replyTo = replyTo.trim();
  }

  const key = headerKey ?? text('_idempotency');
  if (key !== undefined && key !== '') {
    if (IDEMPOTENCY_KEY.test(key)) special.idempotencyKey = key;
    else problems.push({ field: '_idempotency', message: 'Clé d’envoi invalide : rechargez la page et renvoyez le formulaire.' });
  }
  return { special, problems };
}
