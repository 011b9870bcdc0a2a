/** In the browser: enrols a passkey from an invitation, or signs in with one (WebAuthn, @simplewebauthn/browser). */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';

const message = document.getElementById('message')!;
const say = (text: string) => (message.textContent = text);
/** The server's JSON field as text, or what to say without it. */
const textOr = (v: unknown, otherwise: string) => (typeof v === 'string' ? v : otherwise);

async function post(url: string, body: unknown = {}): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  return { ok: response.ok, data: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

async function run(start: string, finish: string, ceremony: (options: never) => Promise<unknown>) {
  say('Un instant…');
  const options = await post(start);
  if (!options.ok) return say(textOr(options.data.erreur, 'Service indisponible.'));
  let answer;
  try {
    answer = await ceremony(options.data as never);
  } catch {
    return say('La clé d’accès n’a pas été utilisée (annulé ou refusé par l’appareil). Réessayez.');
  }
  const result = await post(finish, answer);
  if (!result.ok) return say(textOr(result.data.erreur, 'Connexion refusée.'));
  say('C’est fait. Ouverture des demandes…');
  location.assign(textOr(result.data.suite, '/equipe/demandes'));
}

document.getElementById('inscription')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = (event.currentTarget as HTMLFormElement).dataset.jeton!;
  void run(`/equipe/invitation/${token}/options`, `/equipe/invitation/${token}/verifier`, (optionsJSON) =>
    startRegistration({ optionsJSON }),
  );
});
document.getElementById('connexion')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void run('/equipe/connexion/options', '/equipe/connexion/verifier', (optionsJSON) => startAuthentication({ optionsJSON }));
});
