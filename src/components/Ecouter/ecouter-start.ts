/**
 * Browser, on every page (src/layouts/site-scripts.ts): shows « Écouter cette page » where the browser has a French
 * voice, and fetches the reader (ecouter.ts) at the first press, then reads.
 */
const controls = document.querySelector<HTMLElement>('[data-ecouter]');
const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined;

if (controls && synth) {
  const lire = controls.querySelector<HTMLButtonElement>('[data-ecouter-lire]')!;
  // Voices may arrive after the page has loaded.
  const offer = () => {
    controls.hidden = !synth.getVoices().some((v) => v.lang.toLowerCase().startsWith('fr'));
  };
  offer();
  synth.addEventListener('voiceschanged', offer);
  // Offline, the reader may not be there yet (the offline pack keeps the page and its script; the worker keeps
  // this part once it has been used online): say so, and try again at the next press.
  const charger = () =>
    void import('./ecouter.ts').then(
      ({ brancher }) => {
        brancher(controls, synth);
        lire.click();
      },
      () => {
        const etat = controls.querySelector<HTMLElement>('[data-ecouter-etat]');
        if (etat)
          etat.textContent = 'La lecture à voix haute n’a pas pu se charger (pas de réseau\u202f?). Réessayez une fois connecté.';
        lire.addEventListener('click', charger, { once: true });
      },
    );
  lire.addEventListener('click', charger, { once: true });
}
