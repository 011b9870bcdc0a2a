/**
 * Browser, on every page (src/layouts/site-scripts.ts): where the finder is, shows its field in place of the open
 * A–Z list at once (nothing moves later), and fetches the matching (trouver-quartier.ts) when the field is first
 * used. Letters typed before it arrives are read then.
 */
const racine = document.querySelector<HTMLElement>('[data-module="trouver-quartier"]');
const champ = racine?.querySelector<HTMLInputElement>('input');

if (racine && champ) {
  racine.querySelector('[data-trouver-champ]')?.removeAttribute('hidden');
  racine.querySelector('details')?.removeAttribute('open');
  let demande = false;
  const charger = () => {
    if (demande) return;
    demande = true;
    void import('./trouver-quartier.ts').then(({ brancher }) => brancher(racine, champ));
  };
  // A value already there (Back, the browser's autofill) is answered at once.
  if (champ.value) charger();
  champ.addEventListener('focus', charger, { once: true });
  champ.addEventListener('input', charger, { once: true });
}
