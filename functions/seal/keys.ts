/**
 * A team's key pair. The key id names the team and the month it was made, and ends with a digest of
 * the public key, so a key file and a settings line can be matched by eye and a mix-up is caught.
 */
import { suite, toBase64url } from './suite.ts';

export type NewTeamKey = { id: string; team: string; publicKey: string; privateKey: string; createdAt: string };

export const TEAM_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function keyIdFor(team: string, publicKey: Uint8Array, when: Date): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(publicKey)));
  const hex = [...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${team}-${when.toISOString().slice(0, 7)}-${hex}`;
}

export async function generateTeamKey(team: string, now: Date): Promise<NewTeamKey> {
  if (!TEAM_NAME.test(team)) throw new Error(`nom d’équipe « ${team} » : lettres minuscules, chiffres et tirets seulement`);
  const pair = await suite.kem.generateKeyPair();
  const publicKey = new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey));
  const privateKey = new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey));
  return {
    id: await keyIdFor(team, publicKey, now),
    team,
    publicKey: toBase64url(publicKey),
    privateKey: toBase64url(privateKey),
    createdAt: now.toISOString(),
  };
}
