/**
 * The RGAA 4.1.2 self-assessment grid (content/accessibilite/rgaa.yaml): one entry per criterion, in the
 * referential's order, each with its status and what shows it (tests of the repository, or a person's review).
 * Plain zod, French messages: the build and the tests read the grid through it.
 */
import { z } from 'zod';
import { dateIso } from './common.ts';

/** The 13 themes of RGAA 4.1.2 and how many criteria each holds (106 in all). */
export const RGAA_THEMES = [
  ['Images', 9],
  ['Cadres', 2],
  ['Couleurs', 3],
  ['Multimédia', 13],
  ['Tableaux', 8],
  ['Liens', 2],
  ['Scripts', 5],
  ['Éléments obligatoires', 10],
  ['Structuration de l’information', 4],
  ['Présentation de l’information', 14],
  ['Formulaires', 13],
  ['Navigation', 11],
  ['Consultation', 12],
] as const;

/** "1.1" … "13.12", in the referential's order. */
export const RGAA_IDS = RGAA_THEMES.flatMap(([, count], t) => Array.from({ length: count }, (_, c) => `${t + 1}.${c + 1}`));

export const STATUTS = ['conforme', 'non conforme', 'non applicable'] as const;
const pagePath = z.string().regex(/^\/([\w-]+\/)*$/, { error: 'adresse de page attendue, par exemple /aide/' });

const critere = z
  .strictObject({
    id: z.string(),
    sujet: z.string().min(1),
    statut: z.enum(STATUTS, { error: `statut attendu : ${STATUTS.join(', ')}` }),
    tests: z.array(z.string().regex(/\.test\.ts$/, { error: 'chemin d’un fichier de test attendu (…​.test.ts)' })).optional(),
    verification: z.string().min(1, { error: 'dites ce qui a été vérifié, ou pourquoi le critère ne s’applique pas' }),
    ecart: z.string().optional(),
    pages: z.array(pagePath).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.statut === 'non conforme' && (!c.ecart || !c.pages?.length))
      ctx.addIssue({
        code: 'custom',
        message: `critère ${c.id} non conforme : écrivez « ecart » (ce qui ne va pas, ce qui est prévu) et « pages » (où)`,
      });
    if (c.statut !== 'non conforme' && c.ecart)
      ctx.addIssue({ code: 'custom', message: `critère ${c.id} : « ecart » ne va qu’avec le statut non conforme` });
  });

export const rgaaGridSchema = z
  .strictObject({
    referentiel: z.literal('RGAA 4.1.2'),
    methode: z.string().min(1),
    le: dateIso,
    outils: z.array(z.string()).min(1),
    echantillon: z.array(z.strictObject({ page: pagePath, titre: z.string().min(1) })).min(1),
    criteres: z.array(critere),
  })
  .superRefine((grid, ctx) => {
    const ids = grid.criteres.map((c) => c.id);
    const missing = RGAA_IDS.filter((id) => !ids.includes(id));
    const unknown = ids.filter((id) => !RGAA_IDS.includes(id));
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (missing.length) ctx.addIssue({ code: 'custom', message: `critères manquants : ${missing.join(', ')}` });
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `critères inconnus du RGAA 4.1.2 : ${unknown.join(', ')}` });
    if (twice.length) ctx.addIssue({ code: 'custom', message: `critères écrits deux fois : ${twice.join(', ')}` });
    if (!missing.length && !unknown.length && !twice.length && ids.some((id, i) => id !== RGAA_IDS[i]))
      ctx.addIssue({ code: 'custom', message: 'les critères doivent suivre l’ordre du référentiel (1.1, 1.2, … 13.12)' });
  });
export type RgaaGrid = z.infer<typeof rgaaGridSchema>;
