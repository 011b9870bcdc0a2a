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
  lire.addEventListener(
    'click',
    () =>
      void import('./ecouter.ts').then(({ brancher }) => {
        brancher(controls, synth);
        lire.click();
      }),
    { once: true },
  );
}
