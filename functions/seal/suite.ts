/**
 * The one HPKE suite (RFC 9180) that seals sensitive submissions: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM, base mode. @hpke/core runs on WebCrypto only, so the same code seals on
 * Node and on an edge runtime, and opens on the staff computer.
 */
import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';

export const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });

const encoder = new TextEncoder();

/** HPKE "info": binds every sealed row to this use and format version, so a blob cannot be replayed elsewhere. */
export const SEAL_INFO = encoder.encode('fabrique-solidarites/formulaires/v1');

/**
 * Associated data: form key and submission id. A sealed blob moved to another row or another form
 * no longer opens, so a database edit cannot pass one person's request off as another's.
 */
export const associatedData = (formKey: string, submissionId: string) => encoder.encode(`${formKey}\n${submissionId}`);

// base64url without padding (RFC 4648 §5), as keys are written in settings and key files.
export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('base64url attendu');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
