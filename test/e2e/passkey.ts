/** A page with a virtual platform authenticator (a passkey that verifies its user), as a phone or laptop has. */
import type { BrowserContext, Page } from 'playwright-core';

/** Chromium's virtual authenticator, as WebAuthn.addVirtualAuthenticator takes it. */
export const VIRTUAL_PASSKEY = {
  options: {
    protocol: 'ctap2',
    transport: 'internal',
    hasResidentKey: true,
    hasUserVerification: true,
    isUserVerified: true,
    automaticPresenceSimulation: true,
  },
} as const;

export async function withAuthenticator(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', VIRTUAL_PASSKEY);
  return page;
}
