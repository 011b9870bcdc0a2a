/**
 * What a form is: its fields (which may depend on the page's training, activity or quartier), its
 * cross-field rules, when it refuses submissions, and what the person reads before and after.
 */
import type { Field } from './field.ts';
import type { FormContext } from './context.ts';
import type { FormMessages } from './messages.ts';

/** Valid, cleaned values keyed by field name; optional fields left empty are absent. */
export type Values = Record<string, string | string[]>;

/** A problem with one field, in French, for the person filling the form. */
export type FieldProblem = { field: string; message: string };

export type FormDefinition = {
  key: string;
  /** Page heading and <title>. */
  title: string;
  /**
   * Sensitive forms: the address segment under /formulaires/ and the title the browser's history shows,
   * neither saying what the form is (the page's heading does). Default: the key and the title.
   */
  adresse?: string;
  titreHistorique?: string;
  /** Short description for the page's meta description. */
  description: string;
  /** Why the data is collected, one sentence for the privacy notice (/confidentialite/). */
  purpose: string;
  /** Paragraphs shown above the form. */
  intro: string[];
  submitLabel: string;
  /** Data that could put someone at risk: sealed at rest (issue 5), never sent in a notification. */
  sensitive: boolean;
  /** A sensitive page (people facing violence): safety note, replaced in history when left; the quick exit is on every page. */
  quickExit: boolean;
  /** Contextual forms: the hidden field naming what the page is about (training, activity, quartier). */
  targetField?: string;
  fields: (ctx: FormContext, target: string | undefined) => Field[];
  /** Rules across fields; `values` holds only the fields valid on their own; `sent` names every field that was filled in. */
  check?: (values: Values, ctx: FormContext, target: string | undefined, sent: ReadonlySet<string>) => FieldProblem[];
  /** Why the form refuses this submission now (training full, registrations closed) and what to do instead. */
  inactive?: (ctx: FormContext, target: string | undefined, raw: Record<string, unknown>) => string | undefined;
  /** The programme whose service this form reaches (content/programmes/<id>.md): the content check holds its words to that status. */
  programme?: string;
  /**
   * Why the service this form would reach does not exist yet (here, for this target), with what exists
   * instead: the page shows that and no form, and `inactive` returns it so the handler refuses too.
   */
  notYetOpen?: (ctx: FormContext, target: string | undefined) => string | undefined;
  /** Thank-you page for these valid values, when it depends on them (which session, an age); else the settings' `merci`. */
  thanksPath?: (values: Values, target: string | undefined, ctx: FormContext) => string | undefined;
  /**
   * The place this sign-up takes (a training session) and how many there are online: the store counts it
   * in the same transaction as the insert; beyond, the sign-up is recorded on the waiting list.
   */
  place?: (values: Values, ctx: FormContext) => { session: string; capacity: number } | undefined;
  /** The page and words for a sign-up recorded on the waiting list (forms with `place`). */
  waitingList?: { path: (values: Values) => string; title: string; message: string; paragraphs: string[] };
  /**
   * A private link `/suivi/<token>` for the person (issue 19, item 6): the answer after sending is that page
   * (the request's state and, for a sign-up, a button to cancel). Never on a sensitive form: a test holds it.
   */
  privateLink?: true;
  /** Path of the page that shows the form, where mistakes are shown again. */
  pagePath: (target: string | undefined) => string;
  thanks: { title: string; paragraphs: string[] };
  /** A translated form (src/i18n/formulaires/): its language's code, and the generic words in that language. French when absent. */
  langue?: string;
  messages?: FormMessages;
};

export const defineForm = <const K extends string>(form: FormDefinition & { key: K }) => form;

// Field lists depend only on the context and the target: built once per context (once a day on a server).
const fieldCache = new WeakMap<FormContext, Map<string, Field[]>>();

/** form.fields(ctx, target), memoised: the handler asks for them on every submission. */
export function fieldsOf(form: FormDefinition, ctx: FormContext, target: string | undefined): Field[] {
  let byForm = fieldCache.get(ctx);
  if (!byForm) fieldCache.set(ctx, (byForm = new Map<string, Field[]>()));
  const key = `${form.key}\u0000${target ?? ''}\u0000${form.langue ?? ''}`;
  let fields = byForm.get(key);
  if (!fields) byForm.set(key, (fields = form.fields(ctx, target)));
  return fields;
}
