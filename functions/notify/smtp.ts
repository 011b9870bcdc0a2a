/**
 * The SMTP mailer (Node only), configured by environment variables; see functions/README.md.
 * Short timeouts: a stuck mail server must not hold the delivery loop, the row is simply retried.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from './mail.ts';

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
};

/** undefined when SMTP_HOST is not set: notifications then wait in the outbox. */
export function smtpSettingsFromEnv(env: Record<string, string | undefined>): SmtpSettings | undefined {
  if (!env.SMTP_HOST) return undefined;
  if (!env.SMTP_FROM) throw new Error('SMTP_FROM manquant : indiquez l’adresse d’expédition des notifications.');
  return {
    host: env.SMTP_HOST,
    port: Number(env.SMTP_PORT ?? 587),
    secure: env.SMTP_SECURE === 'true',
    user: env.SMTP_USER,
    password: env.SMTP_PASSWORD,
    from: env.SMTP_FROM,
    timeoutMs: Number(env.SMTP_TIMEOUT_MS ?? 15_000),
  };
}

export function smtpMailer(s: SmtpSettings, options: { ignoreTLS?: boolean } = {}): Mailer {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: s.timeoutMs,
    greetingTimeout: s.timeoutMs,
    socketTimeout: s.timeoutMs,
    ignoreTLS: options.ignoreTLS,
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
