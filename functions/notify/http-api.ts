/**
 * A mailer over an HTTP mail API (for the forms on Workers, which cannot speak SMTP to any server): one
 * JSON POST per message in the shape of Brevo's transactional API (`/v3/smtp/email`), a French provider
 * hosting in the EU; Mailjet and others take the same fields under other names. Short timeout: a stuck
 * API must not hold the scheduled run, the row is simply retried (notify/deliver.ts).
 */
import type { Mailer } from './mail.ts';

export type HttpMailSettings = {
  /** e.g. https://api.brevo.com/v3/smtp/email */
  url: string;
  apiKey: string;
  from: string;
  timeoutMs: number;
};

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * undefined when MAIL_API_URL is not set: notifications then wait in the outbox. Throws a French message on a
 * wrong value. The key is a secret (`wrangler secret put MAIL_API_KEY`), never in wrangler.jsonc.
 */
export function httpMailSettingsFromEnv(env: Record<string, unknown>): HttpMailSettings | undefined {
  const text = (name: string) => (typeof env[name] === 'string' ? env[name] : undefined);
  const raw = text('MAIL_API_URL');
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `MAIL_API_URL = « ${raw} » : attendu l’adresse de l’API d’envoi, par exemple https://api.brevo.com/v3/smtp/email`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new Error(
      `MAIL_API_URL = « ${raw} » : https obligatoire (http seulement sur cette machine, pour les essais) : la clé et les notifications passeraient en clair.`,
    );
  const apiKey = text('MAIL_API_KEY');
  if (!apiKey) throw new Error('MAIL_API_KEY manquant : la clé de l’API d’envoi, en secret (wrangler secret put MAIL_API_KEY).');
  const from = text('MAIL_FROM');
  if (!from || !from.includes('@')) throw new Error('MAIL_FROM manquant : indiquez l’adresse d’expédition des notifications.');
  const timeoutMs = Number(text('MAIL_API_TIMEOUT_MS') ?? 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
    throw new Error(
      `MAIL_API_TIMEOUT_MS = « ${text('MAIL_API_TIMEOUT_MS')} » : attendu un délai en millisecondes (10000 par exemple).`,
    );
  return { url: url.href, apiKey, from, timeoutMs };
}

/** An attempt that failed, with a code fit for the outbox: "HTTP 503", never the provider's text. */
class MailApiError extends Error {
  override name = 'MailApiError';
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export function httpMailer(s: HttpMailSettings): Mailer {
  return {
    async send(mail) {
      const response = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'api-key': s.apiKey },
        body: JSON.stringify({
          sender: { email: s.from },
          to: mail.to.map((email) => ({ email })),
          subject: mail.subject,
          textContent: mail.text,
          ...(mail.replyTo ? { replyTo: { email: mail.replyTo } } : {}),
          // The same id on a retry: a mail client that receives both keeps one.
          headers: { 'Message-ID': mail.messageId },
        }),
        signal: AbortSignal.timeout(s.timeoutMs),
      }).catch((error: unknown) => {
        throw new MailApiError((error as Error).name === 'TimeoutError' ? 'délai dépassé' : 'réseau');
      });
      // Accepted only on 2xx; the body is read so that the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new MailApiError(`HTTP ${response.status}`);
    },
  };
}
