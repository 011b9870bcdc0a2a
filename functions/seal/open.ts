/** Opens a sealed submission with the team's private key: on the staff computer, never on the server. */
import { associatedData, fromBase64url, SEAL_INFO, suite } from './suite.ts';

export type SealedRow = { id: string; formKey: string; keyId: string; encapsulatedKey: Uint8Array; ciphertext: Uint8Array };

/** A private key read from a staff member's key file (see functions/staff/key-file.ts). */
export type TeamPrivateKey = { id: string; privateKey: CryptoKey };

export async function importPrivateKey(id: string, privateKeyText: string): Promise<TeamPrivateKey> {
  return { id, privateKey: await suite.kem.deserializePrivateKey(fromBase64url(privateKeyText)) };
}

export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
}

/** The submission's values; WrongKeyError when the key is not the one it was sealed to, or the row was altered. */
export async function openValues(key: TeamPrivateKey, row: SealedRow): Promise<Record<string, string | string[]>> {
  if (row.keyId !== key.id) throw new WrongKeyError(`envoi scellé pour la clé ${row.keyId}, pas pour ${key.id}`);
  try {
    const plain = await suite.open(
      { recipientKey: key.privateKey, enc: row.encapsulatedKey, info: SEAL_INFO },
      row.ciphertext,
      associatedData(row.formKey, row.id),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as Record<string, string | string[]>;
  } catch (error) {
    throw new WrongKeyError('ouverture impossible : clé différente ou envoi modifié', { cause: error });
  }
}
