/**
 * Passkeys (WebAuthn, @simplewebauthn/server): enrolment from an invitation, sign-in with any passkey of this
 * site (discoverable). Challenges are signed, not stored (tokens.ts). Attempts are rate-limited per client.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { Hono, type Context } from 'hono';
import { fromBase64url, toBase64url } from '../seal/suite.ts';
import type { EquipeDeps } from './deps.ts';
import { acceptFirstInvitation } from './invitations.ts';
import { openSession } from './session.ts';
import { challengeCheck, sha256, signedChallenge } from './tokens.ts';

const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = 'Fabrique rennaise des solidarités — espace équipe';
/**
 * The relying party: the host this page was asked for when it is one of the site's origins (localhost in the tests),
 * else the site's address (SITE_URL). The browser signs for it, and the server checks the same.
 */
export function rpId(deps: EquipeDeps, c: Context): string {
  const own = new URL(c.req.url);
  return deps.origins.includes(own.origin) ? own.hostname : new URL(deps.origins[0] ?? own.origin).hostname;
}

const refuse = (c: Context, message: string, status: 400 | 401 | 403 | 429 = 400) =>
  c.json({ ok: false, erreur: message }, status);

async function readJson<T>(c: Context): Promise<T | undefined> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

export function passkeyRoutes(deps: EquipeDeps) {
  const app = new Hono();
  const now = () => deps.clock.now();
  const limited = async (c: Context) => {
    const decision = await deps.signInLimit.hit(`equipe:${await deps.clientKey(c)}`, Date.now());
    return decision.allowed
      ? undefined
      : refuse(c, `Trop d’essais. Réessayez dans ${Math.ceil(decision.retryAfterSeconds / 60)} min.`, 429);
  };

  app.post('/invitation/:token/options', async (c) => {
    await acceptFirstInvitation(deps.equipe, deps.firstInvitation, c.req.param('token'), now());
    const hash = await sha256(c.req.param('token'));
    const invitation = await deps.equipe.invitation(hash, now().toISOString());
    if (!invitation) return refuse(c, 'Invitation inconnue, déjà utilisée ou expirée. Demandez-en une nouvelle.', 403);
    const staff = (await deps.equipe.staff(invitation.staffId))!;
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rpId(deps, c),
      userName: staff.email,
      userDisplayName: staff.name,
      userID: new TextEncoder().encode(staff.id),
      challenge: await signedChallenge(deps.secret, `inscription:${hash}`, Date.now() + CHALLENGE_MS),
      attestationType: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    return c.json(options);
  });

  app.post('/invitation/:token/verifier', async (c) => {
    const blocked = await limited(c);
    if (blocked) return blocked;
    const hash = await sha256(c.req.param('token'));
    const at = now().toISOString();
    const invitation = await deps.equipe.invitation(hash, at);
    if (!invitation) return refuse(c, 'Invitation inconnue, déjà utilisée ou expirée. Demandez-en une nouvelle.', 403);
    const response = await readJson<RegistrationResponseJSON>(c);
    if (!response?.response) return refuse(c, 'Réponse de la clé d’accès illisible.');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: challengeCheck(deps.secret, `inscription:${hash}`, Date.now()),
        expectedOrigin: deps.origins,
        expectedRPID: rpId(deps, c),
        requireUserVerification: false,
      });
    } catch {
      verified = undefined;
    }
    if (!verified?.verified || !verified.registrationInfo)
      return refuse(c, 'La clé d’accès n’a pas pu être vérifiée. Réessayez.');
    const { credential } = verified.registrationInfo;
    const used = await deps.equipe.useInvitation(hash, at, {
      id: credential.id,
      staffId: invitation.staffId,
      publicKey: toBase64url(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: at,
    });
    if (!used) return refuse(c, 'Invitation déjà utilisée.', 403);
    await deps.equipe.audit({ at, staffId: invitation.staffId, action: 'inscription_cle', target: invitation.staffId });
    await openSession(c, deps, invitation.staffId);
    return c.json({ ok: true, suite: '/equipe/demandes' });
  });

  app.post('/connexion/options', async (c) => {
    const options = await generateAuthenticationOptions({
      rpID: rpId(deps, c),
      userVerification: 'preferred',
      challenge: await signedChallenge(deps.secret, 'connexion', Date.now() + CHALLENGE_MS),
    });
    return c.json(options);
  });

  app.post('/connexion/verifier', async (c) => {
    const blocked = await limited(c);
    if (blocked) return blocked;
    const at = now().toISOString();
    const response = await readJson<AuthenticationResponseJSON>(c);
    const stored = typeof response?.id === 'string' ? await deps.equipe.credential(response.id) : undefined;
    let verified;
    if (stored && response)
      try {
        verified = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challengeCheck(deps.secret, 'connexion', Date.now()),
          expectedOrigin: deps.origins,
          expectedRPID: rpId(deps, c),
          requireUserVerification: false,
          credential: {
            id: stored.id,
            publicKey: new Uint8Array(fromBase64url(stored.publicKey)),
            counter: stored.counter,
            transports: stored.transports,
          },
        });
      } catch {
        verified = undefined;
      }
    if (!stored || !verified?.verified) {
      await deps.equipe.audit({ at, staffId: stored?.staffId ?? 'inconnu', action: 'echec_connexion' });
      return refuse(c, 'Connexion refusée : clé d’accès inconnue ou non vérifiée.', 401);
    }
    await deps.equipe.credentialUsed(stored.id, verified.authenticationInfo.newCounter, at);
    await deps.equipe.audit({ at, staffId: stored.staffId, action: 'connexion' });
    await openSession(c, deps, stored.staffId);
    return c.json({ ok: true, suite: '/equipe/demandes' });
  });
  return app;
}
