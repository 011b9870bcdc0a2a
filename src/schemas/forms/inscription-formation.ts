/** Sign-up for one session of a joint training with the MDPH; one page per training. */
import { PUBLICS } from '../formation.ts';
import { formatCreneau, formatDateLongue } from '../../lib/time/dates.ts';
import { etatSession, LIBELLE_ETAT, PLACES, sessionKey } from '../../lib/time/sessions.ts';
import type { FormContext, FormationChoice, SessionChoice } from './context.ts';
import { defineForm } from './form.ts';
import type { Option } from './field.ts';
import { email, MENTION_FACULTATIF, nom, prenom, telephone, confirmation } from './shared-fields.ts';

const formation = (ctx: FormContext, id: string | undefined) => ctx.formations.find((f) => f.id === id);

/** Why a session cannot be chosen (passed, cancelled, registrations closed), or undefined when it can. A full one can: waiting list. */
export function sessionClosedReason(f: FormationChoice, s: SessionChoice, today: string): string | undefined {
  const etat = etatSession(s, f, today);
  return etat === 'ouverte' || etat === 'complete' ? undefined : LIBELLE_ETAT[etat].toLowerCase();
}

const sessionOptions = (ctx: FormContext, f: FormationChoice | undefined): Option[] =>
  (f?.sessions ?? []).map((s) => {
    const reason = sessionClosedReason(f!, s, ctx.today);
    const lieu = ctx.lieux[s.lieu] ?? s.lieu;
    const places = reason ? undefined : s.places_restantes === 0 ? PLACES.complet : PLACES.limitees;
    return {
      value: s.id,
      label: `${formatDateLongue(s.date)}, ${formatCreneau(s.creneau)}`,
      hint: lieu,
      disabledReason: reason,
      places: places ? { key: sessionKey(f!.id, s.id), text: places } : undefined,
    };
  });

const INSTEAD =
  'Vous pouvez choisir une autre session sur la page de la formation, ou écrire à l’équipe par le formulaire « Agir avec la Fabrique » pour être prévenu de la prochaine session.';

export const inscriptionFormation = defineForm({
  key: 'inscription-formation',
  title: 'S’inscrire à une formation',
  description: 'Inscription à une session de formation commune avec la MDPH.',
  purpose:
    'Enregistrer votre inscription à la session choisie, compter ses places (au-delà, sur liste d’attente), vous confirmer votre place et prévoir les adaptations demandées.',
  intro: ['Les places sont limitées : l’équipe vous écrit ensuite pour confirmer votre place.', MENTION_FACULTATIF],
  submitLabel: 'Envoyer mon inscription',
  sensitive: false,
  quickExit: false,
  privateLink: true,
  targetField: 'formation',
  fields: (ctx, target) => {
    const f = formation(ctx, target);
    return [
      {
        name: 'formation',
        label: 'Formation',
        type: 'hidden',
        required: true,
        options: ctx.formations.map((x) => ({ value: x.id, label: x.titre })),
      },
      {
        name: 'session',
        label: 'Session',
        hint: 'Les sessions passées ou annulées ne peuvent pas être choisies. Pour une session complète, votre inscription va sur la liste d’attente.',
        type: 'radio',
        required: true,
        options: sessionOptions(ctx, f),
      },
      prenom(),
      nom(),
      email(),
      telephone({ label: 'Numéro de téléphone', hint: 'Pour vous prévenir en cas de changement de dernière minute.' }),
      {
        name: 'profil',
        label: 'Vous venez en tant que',
        type: 'radio',
        required: true,
        options: [...Object.entries(PUBLICS).map(([value, label]) => ({ value, label })), { value: 'autre', label: 'Autre' }],
      },
      {
        name: 'structure',
        label: 'Établissement ou structure',
        hint: 'Par exemple : crèche, école, centre de loisirs.',
        type: 'text',
        required: false,
        maxLength: 120,
        autocomplete: 'organization',
      },
      {
        name: 'besoins',
        label: 'Besoins d’accessibilité ou d’adaptation',
        hint: 'Par exemple : interprète en langue des signes, accès en fauteuil, documents en gros caractères.',
        type: 'textarea',
        required: false,
        maxLength: 1000,
        rows: 4,
      },
      confirmation(),
    ];
  },
  inactive: (ctx, target, raw) => {
    const f = formation(ctx, target);
    if (!f) return undefined;
    if (f.inscriptions === 'fermees') return `Les inscriptions à « ${f.titre} » sont fermées. ${INSTEAD}`;
    const open = f.sessions.filter((s) => !sessionClosedReason(f, s, ctx.today));
    if (open.length === 0) return `Toutes les sessions de « ${f.titre} » sont passées ou annulées. ${INSTEAD}`;
    const chosen = f.sessions.find((s) => s.id === raw.session);
    const reason = chosen && sessionClosedReason(f, chosen, ctx.today);
    if (reason) return `La session du ${formatDateLongue(chosen.date)} n’est plus disponible (${reason}). ${INSTEAD}`;
    return undefined;
  },
  // The thank-you page repeats what, when and where: one per session (src/pages/formations/[id]/inscription/merci/).
  thanksPath: (values) => `/formations/${String(values.formation)}/inscription/merci/${String(values.session)}/`,
  place: (values, ctx) => {
    const session = formation(ctx, String(values.formation))?.sessions.find((s) => s.id === values.session);
    return session && { session: sessionKey(String(values.formation), session.id), capacity: session.places_restantes };
  },
  waitingList: {
    // Under merci/: never kept offline nor listed in the sitemap, like the thank-you pages.
    path: (values) => `/formations/${String(values.formation)}/inscription/merci/${String(values.session)}/attente/`,
    title: 'Vous êtes sur la liste d’attente',
    message:
      'Cette session est complète : votre inscription est enregistrée sur la liste d’attente. Vous n’avez pas encore de place ; l’équipe vous écrit si une place se libère.',
    paragraphs: [
      'Cette session est complète. Votre inscription est bien enregistrée, sur la liste d’attente : vous n’avez pas encore de place.',
      'Si une place se libère, l’équipe des formations vous écrit, dans l’ordre des inscriptions. Vous pouvez aussi choisir une autre session sur la page de la formation.',
    ],
  },
  pagePath: (target) => `/formations/${target}/inscription/`,
  thanks: {
    title: 'Votre inscription est enregistrée',
    paragraphs: [
      'Merci. L’équipe des formations vous écrit pour confirmer votre place et vous donner les informations pratiques.',
      'Si vous ne pouvez plus venir, prévenez-nous par le formulaire de contact du site : la place ira à quelqu’un d’autre.',
    ],
  },
});
