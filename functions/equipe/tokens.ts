/** Random tokens, their hashes (what the database keeps) and signed WebAuthn challenges, on WebCrypto only (Node and Workers). */
import { fromBase64url, toBase64url } from '../seal/suite.ts';

const encoder = new TextEncoder();

/** 32 random bytes, base64url: an invitation or session token, given once and kept only hashed. */
export const randomToken = () => toBase64url(crypto.getRandomValues(new Uint8Array(32)));

export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return toBase64url(digest);
}

async function hmac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toBase64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

/**
 * A challenge the server can check without keeping it: purpose, expiry, randomness and an HMAC of the three
 * under the server's secret. The purpose binds an enrolment to its invitation.
 */
export async function signedChallenge(secret: string, purpose: string, expiresAt: number): Promise<string> {
  const body = `${purpose}.${expiresAt}.${randomToken()}`;
  // simplewebauthn sends these characters' bytes as the challenge, and gives them back base64url-encoded.
  return `${body}.${await hmac(secret, body)}`;
}

/** The check simplewebauthn calls with the challenge the browser signed (base64url). */
export const challengeCheck = (secret: string, purpose: string, now: number) => async (challenge: string) => {
  try {
    const text = new TextDecoder().decode(fromBase64url(challenge));
    const cut = text.lastIndexOf('.');
    const body = text.slice(0, cut);
    const [p, expiry] = body.split('.');
    return p === purpose && Number(expiry) > now && text.slice(cut + 1) === (await hmac(secret, body));
  } catch {
    return false;
  }
};
