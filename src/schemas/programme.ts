import { z } from 'zod';
import { commun, dateIso, ref } from './common.ts';

/** One of the six programmes of the Fabrique (HSDS "service"), described for residents. */
export const programmeSchema = z
  .strictObject({
    /** Order on the home page, 1 to 6. */
    ordre: z.int().min(1).max(6),
    titre: z.string().min(1),
    /** Short title for menus and cards. */
    titre_court: z.string().min(1).max(40),
    resume: z.string().min(1).max(240, { error: 'résumé trop long : 240 caractères au plus' }),
    pour_qui: z.string().min(1),
    ce_qui_est_propose: z.array(z.string().min(1)).min(1),
    comment_participer: z.string().min(1),
    partenaires: z.array(ref('organisations')).default([]),
    /**
     * Where the programme stands. The programme text makes proposals: "proposition" until an editor
     * records otherwise, with the date it was confirmed and who confirmed it.
     */
    statut: z.enum(['proposition', 'en-preparation', 'en-cours', 'ouvert'], {
      error: 'statut attendu : proposition, en-preparation, en-cours ou ouvert',
    }),
    /** Required for any status but "proposition": the date it was confirmed (AAAA-MM-JJ). */
    statut_confirme_le: dateIso.optional(),
    /** Required for any status but "proposition": who confirmed it (a service, a decision, a published text). */
    statut_source: z.string().min(1).optional(),
    /** Easy-read (FALC) summary; a draft until people with intellectual disabilities have proofread it. */
    falc: z
      .strictObject({
        texte: z.array(z.string().min(1)).min(1),
        statut: z.enum(['brouillon', 'relu'], { error: 'statut FALC attendu : brouillon ou relu' }),
        /** Who proofread it (a group, no personal name needed) and when: required to leave "brouillon". */
        relecture: z
          .strictObject({
            par: z.string().min(1, { error: 'indiquez qui a relu, par exemple « atelier de relecture d’un ESAT rennais »' }),
            le: dateIso,
          })
          .optional(),
      })
      .refine((f) => f.statut === 'brouillon' || f.relecture, {
        error:
          'statut « relu » : notez la relecture par des personnes en situation de handicap intellectuel, par exemple relecture: { par: "groupe de relecture FALC", le: 2027-01-15 } ; sinon gardez « brouillon »',
        path: ['relecture'],
      }),
    /** A sensitive page (people facing violence): safety note, and replaced in history when left (quick exit is on every page). */
    sortie_rapide: z.boolean().default(false),
    ...commun,
  })
  .superRefine((p, ctx) => {
    if (p.statut === 'proposition') return;
    if (!p.statut_confirme_le)
      ctx.addIssue({
        code: 'custom',
        path: ['statut_confirme_le'],
        message: `statut « ${p.statut} » : indiquez la date à laquelle il a été confirmé (AAAA-MM-JJ), sinon gardez « proposition »`,
      });
    if (!p.statut_source)
      ctx.addIssue({
        code: 'custom',
        path: ['statut_source'],
        message: `statut « ${p.statut} » : indiquez qui l’a confirmé (service, délibération, texte publié)`,
      });
  });
export type Programme = z.infer<typeof programmeSchema>;
