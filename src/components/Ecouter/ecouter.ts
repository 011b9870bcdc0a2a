/**
 * Browser: Read aloud with the browser's speech synthesis (no service, no download), French voices only. Reads <main>
 * without the controls, block by block (long utterances get cut off in some browsers). Pause, resume, stop.
 * Fetched at the first press of « Écouter cette page » (ecouter-start.ts, which shows the button).
 */
export function brancher(controls: HTMLElement, synth: SpeechSynthesis): void {
  const lire = controls.querySelector<HTMLButtonElement>('[data-ecouter-lire]')!;
  const pause = controls.querySelector<HTMLButtonElement>('[data-ecouter-pause]')!;
  const arreter = controls.querySelector<HTMLButtonElement>('[data-ecouter-arreter]')!;
  const etat = controls.querySelector<HTMLElement>('[data-ecouter-etat]')!;
  let voice: SpeechSynthesisVoice | undefined;
  let queue: string[] = [];

  const frenchVoice = () => {
    const voices = synth.getVoices().filter((v) => v.lang.toLowerCase().startsWith('fr'));
    return voices.find((v) => v.lang.toLowerCase() === 'fr-fr' && v.localService) ?? voices[0];
  };

  /** Text of <main>, block by block, leaving out the controls, hidden parts and what is only for print. */
  const blocks = () => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main
      .querySelectorAll('[data-ecouter], script, style, [hidden], [aria-hidden="true"], .imprime-adresse')
      .forEach((n) => n.remove());
    main.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd, tr, caption').forEach((n) => n.append('\n'));
    return (main.textContent ?? '')
      .split('\n')
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  };

  const show = (state: 'pret' | 'lecture' | 'pause') => {
    lire.hidden = state !== 'pret';
    pause.hidden = state === 'pret';
    arreter.hidden = state === 'pret';
    pause.textContent = state === 'pause' ? 'Reprendre' : 'Pause';
    etat.textContent = { pret: '', lecture: 'Lecture en cours.', pause: 'Lecture en pause.' }[state];
  };

  const next = () => {
    const text = queue.shift();
    if (text === undefined) {
      show('pret');
      etat.textContent = 'Lecture terminée.';
      lire.focus();
      return;
    }
    const u = new SpeechSynthesisUtterance(text);
    u.lang = voice?.lang ?? 'fr-FR';
    if (voice) u.voice = voice;
    u.onend = next;
    synth.speak(u);
  };

  lire.addEventListener('click', () => {
    // Chosen now: voices may arrive after the page has loaded.
    voice = frenchVoice();
    synth.cancel();
    queue = blocks();
    show('lecture');
    pause.focus();
    next();
  });
  pause.addEventListener('click', () => {
    if (synth.paused) {
      synth.resume();
      show('lecture');
    } else {
      synth.pause();
      show('pause');
    }
  });
  arreter.addEventListener('click', () => {
    queue = [];
    synth.cancel();
    show('pret');
    etat.textContent = 'Lecture arrêtée.';
    lire.focus();
  });
  addEventListener('pagehide', () => synth.cancel());
}
