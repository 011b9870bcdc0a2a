/** What the delivery loop hands to a mail transport: SMTP on Node (smtp.ts), something else on Workers later. */
export type OutgoingMail = {
  to: string[];
  subject: string;
  text: string;
  replyTo?: string;
  /** Stable per outbox row: a mail server or client that sees the same id twice keeps one copy. */
  messageId: string;
};

export interface Mailer {
  /** Resolves once the server has accepted the message; rejects with an error carrying the SMTP code if any. */
  send(mail: OutgoingMail): Promise<void>;
}
