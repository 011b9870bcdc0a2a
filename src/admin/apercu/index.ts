/**
 * Browser, in the editor /admin/: the preview beside the form looks like the site (issue 22, item 8): the site's
 * own stylesheet (/admin/site.css, src/admin/site-css.ts) and one template per kind of page, drawn with the
 * site's own functions.
 */
import { ApercuFormation } from './formations.ts';
import { franciser } from './francais.ts';
import { ApercuLieu } from './lieux.ts';
import { ApercuPage } from './pages.ts';
import { ApercuReferent } from './referents.ts';

type Cms = {
  registerPreviewStyle: (url: string) => void;
  registerPreviewTemplate: (name: string, component: unknown) => void;
};

/**
 * Registers the site's style and the templates of each collection with Decap (their drawing also brings the
 * warnings beside the fields, notes-champs.ts), and Decap's missing French (francais.ts).
 */
export function enregistrerApercus(): void {
  const cms = (window as unknown as { CMS?: Cms }).CMS;
  if (!cms) return;
  franciser();
  cms.registerPreviewStyle('/admin/site.css');
  cms.registerPreviewTemplate('referents', ApercuReferent);
  cms.registerPreviewTemplate('formations', ApercuFormation);
  cms.registerPreviewTemplate('lieux', ApercuLieu);
  for (const name of ['programmes', 'pages', 'quartiers', 'activites']) cms.registerPreviewTemplate(name, ApercuPage);
}
