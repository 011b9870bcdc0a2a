/**
 * Seals a submission's values to the team's public key before anything is written. The server holds
 * public keys only: once sealed, not even the server that received it can read a request again.
 */
import type { SubmissionContent } from '../store/types.ts';
import { associatedData, fromBase64url, SEAL_INFO, suite } from './suite.ts';

export type TeamPublicKey = { id: string; publicKey: string };

// Importing a key costs more than sealing a small form: once per key text.
const imported = new Map<string, Promise<CryptoKey>>();
function publicKeyOf(text: string): Promise<CryptoKey> {
  let key = imported.get(text);
  if (!key) imported.set(text, (key = suite.kem.deserializePublicKey(fromBase64url(text))));
  return key;
}

/**
 * Pads the JSON with spaces (which JSON.parse ignores) to a multiple of 512 bytes, so the ciphertext
 * length says little about how long a message was.
 */
export const PAD_BYTES = 512;
function padded(json: Uint8Array): Uint8Array {
  const size = Math.ceil((json.length + 1) / PAD_BYTES) * PAD_BYTES;
  const out = new Uint8Array(size).fill(0x20);
  out.set(json);
  return out;
}

export async function sealValues(
  key: TeamPublicKey,
  formKey: string,
  submissionId: string,
  values: unknown,
): Promise<Extract<SubmissionContent, { kind: 'sealed' }>> {
  const plaintext = padded(new TextEncoder().encode(JSON.stringify(values)));
  const { ct, enc } = await suite.seal(
    { recipientPublicKey: await publicKeyOf(key.publicKey), info: SEAL_INFO },
    plaintext,
    associatedData(formKey, submissionId),
  );
  return { kind: 'sealed', keyId: key.id, encapsulatedKey: new Uint8Array(enc), ciphertext: new Uint8Array(ct) };
}
