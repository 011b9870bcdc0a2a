/**
 * A real SMTP server (smtp-server) the tests switch between states: down (not listening), refusing
 * with 4xx or 5xx, silent until the client times out, and up. It keeps every message it accepted.
 */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SinkMode = 'up' | '4xx' | '5xx' | 'timeout';
export type Received = { raw: string; headers: Record<string, string>; text: string };

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

export class SmtpSink {
  mode: SinkMode = 'up';
  readonly received: Received[] = [];
  private server?: SMTPServer;
  constructor(readonly port: number) {}

  async start(mode: SinkMode = 'up') {
    this.mode = mode;
    if (this.server) return;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      // No greeting at all: the client waits, then gives up on its greeting timeout.
      onConnect: (_session, callback) => (this.mode === 'timeout' ? undefined : callback()),
      onRcptTo: (_address, _session, callback) => {
        if (this.mode === '4xx') return callback(refusal(451, 'Service momentanément indisponible'));
        if (this.mode === '5xx') return callback(refusal(550, 'Boîte refusée'));
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push(parse(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }

  async stop() {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

/** Just enough MIME to read what nodemailer writes: unfolded headers, encoded words, QP or base64 body. */
function parse(raw: string): Received {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return { raw, headers, text };
}

function decodeQp(text: string): string {
  // Literal % first, so that only =XX sequences become percent-escapes.
  return decodeURIComponent(
    text
      .replace(/=\r\n/g, '')
      .replace(/%/g, '%25')
      .replace(/=([0-9A-F]{2})/gi, '%$1'),
  );
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
}
