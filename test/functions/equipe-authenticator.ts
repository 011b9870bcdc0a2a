/**
 * A software passkey for the HTTP tests: a real P-256 key pair that answers the server's WebAuthn options as
 * a browser and an authenticator would (attestation « none », ES256 signatures), so the server's checks run
 * whole. The browser tests use Chromium's own virtual authenticator instead.
 */
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { toBase64url } from '../../functions/seal/suite.ts';

const enc = new TextEncoder();
const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(data)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const b64 = (bytes: Uint8Array) => toBase64url(bytes);

/** WebCrypto's ECDSA signature is r‖s; WebAuthn carries it DER-encoded. */
function der(raw: Uint8Array): Uint8Array {
  const int = (x: Uint8Array) => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    const v = x.slice(i);
    return v[0]! & 0x80 ? concat(new Uint8Array([0]), v) : v;
  };
  const r = int(raw.slice(0, 32));
  const s = int(raw.slice(32));
  const body = concat(new Uint8Array([2, r.length]), r, new Uint8Array([2, s.length]), s);
  return concat(new Uint8Array([0x30, body.length]), body);
}

export class SoftPasskey {
  readonly id = crypto.getRandomValues(new Uint8Array(16));
  private counter = 0;
  private constructor(private readonly keys: CryptoKeyPair) {}

  static async create() {
    return new SoftPasskey(await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']));
  }

  private async authData(rpId: string, flags: number, attested?: Uint8Array) {
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, ++this.counter);
    return concat(await sha256(enc.encode(rpId)), new Uint8Array([flags]), count, attested ?? new Uint8Array());
  }

  async register(options: { challenge: string; rp: { id: string } }, origin: string) {
    const jwk = await crypto.subtle.exportKey('jwk', this.keys.publicKey);
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const attested = concat(new Uint8Array(16), new Uint8Array([0, this.id.length]), this.id, cose);
    const authData = await this.authData(options.rp.id, 0x45, attested);
    const clientData = enc.encode(
      JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const attestation = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as never,
    );
    return {
      id: b64(this.id),
      rawId: b64(this.id),
      type: 'public-key',
      response: { clientDataJSON: b64(clientData), attestationObject: b64(attestation), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }

  async authenticate(options: { challenge: string; rpId: string }, origin: string) {
    const authData = await this.authData(options.rpId, 0x05);
    const clientData = enc.encode(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const signed = concat(authData, await sha256(clientData));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
    return {
      id: b64(this.id),
      rawId: b64(this.id),
      type: 'public-key',
      response: { clientDataJSON: b64(clientData), authenticatorData: b64(authData), signature: b64(der(raw)) },
      clientExtensionResults: {},
    };
  }
}
