/**
 * The SMTP mailer (Node only), configured by environment variables; see functions/README.md.
 * Short timeouts: a stuck mail server must not hold the delivery loop, the row is simply retried.
 * TLS is required, never opportunistic: a server (or an attacker on the way) that does not offer
 * STARTTLS gets neither the login nor a notification in clear text; the row waits and is retried.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from './mail.ts';

/** implicite: TLS from the start (port 465); starttls: STARTTLS required; aucun: a relay on this machine only. */
export type SmtpTls = 'implicite' | 'starttls' | 'aucun';

export type SmtpSettings = {
  host: string;
  port: number;
  tls: SmtpTls;
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** undefined when SMTP_HOST is not set: notifications then wait in the outbox. Throws a French message on a wrong value. */
export function smtpSettingsFromEnv(env: Record<string, string | undefined>): SmtpSettings | undefined {
  if (!env.SMTP_HOST) return undefined;
  if (!env.SMTP_FROM) throw new Error('SMTP_FROM manquant : indiquez l’adresse d’expédition des notifications.');
  const tls: SmtpTls = env.SMTP_SECURE === 'true' ? 'implicite' : env.SMTP_TLS === 'aucun' ? 'aucun' : 'starttls';
  if (tls === 'aucun' && !LOOPBACK.has(env.SMTP_HOST))
    throw new Error(
      `SMTP_TLS=aucun n’est permis que pour un relais sur cette machine (127.0.0.1), pas pour « ${env.SMTP_HOST} » : les notifications et le mot de passe passeraient en clair sur le réseau.`,
    );
  const port = Number(env.SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`SMTP_PORT = « ${env.SMTP_PORT} » : attendu un numéro de port (587, 465…).`);
  const timeoutMs = Number(env.SMTP_TIMEOUT_MS ?? 15_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
    throw new Error(`SMTP_TIMEOUT_MS = « ${env.SMTP_TIMEOUT_MS} » : attendu un délai en millisecondes (15000 par exemple).`);
  return { host: env.SMTP_HOST, port, tls, user: env.SMTP_USER, password: env.SMTP_PASSWORD, from: env.SMTP_FROM, timeoutMs };
}

export function smtpMailer(s: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'implicite',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'aucun',
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: s.timeoutMs,
    greetingTimeout: s.timeoutMs,
    socketTimeout: s.timeoutMs,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: s.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        replyTo: mail.replyTo,
        messageId: mail.messageId,
      });
    },
  };
}
