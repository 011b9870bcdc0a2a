/**
 * Node entry: `npm start` builds then runs this, `npm run serve` runs it. Reads the environment
 * (node/config.ts), stops with French messages on a wrong value, then serves (node/server.ts). Everything it
 * prints is one JSON object per line (log-line.ts): requests, and the operator's messages in `message`.
 */
import { levelOf, logLine, requestLine } from './log-line.ts';
import { configFromEnv } from './node/config.ts';
import { BuildModeError, startServer } from './node/server.ts';

export { startServer, type RunningServer, type ServerOptions } from './node/server.ts';

if (import.meta.main) {
  // A fault of ours: still one JSON line (its stack in a field), then exit so that systemd restarts the server.
  const fault = (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    console.error(logLine('erreur', `Faute du serveur, arrêt : ${e.name} ${e.message}`, { pile: e.stack }));
    process.exit(1);
  };
  process.on('uncaughtException', fault);
  process.on('unhandledRejection', fault);
  const result = configFromEnv(process.env);
  if (!result.ok) {
    console.error(
      logLine('erreur', `Le serveur ne démarre pas : réglage incorrect.\n${result.errors.map((e) => `  - ${e}`).join('\n')}`, {
        erreurs: result.errors,
      }),
    );
    process.exit(1);
  }
  const { config } = result;
  const running = await startServer({
    databaseUrl: config.databaseUrl,
    clientHashSecret: config.clientHashSecret,
    port: config.port,
    host: config.host,
    dbPath: config.dbPath,
    auditLog: config.auditLog,
    origins: config.origins,
    rateLimit: config.rateLimit,
    trustedProxies: config.trustedProxies,
    clock: config.clock,
    mailDomain: config.mailDomain,
    metricsAllowed: config.metricsAllowed,
    notice: (line) => console.log(logLine(levelOf(line), line)),
    // One JSON line per request: route, status, outcome, duration; never content or an address.
    log: (e) => console.log(requestLine(e)),
  }).catch((error: unknown) => {
    if (error instanceof BuildModeError) {
      console.error(logLine('erreur', `Le serveur ne démarre pas : ${error.message}`));
      process.exit(1);
    }
    // The database cannot be opened or reached: say which and why, without a stack trace.
    const where = config.databaseUrl ? 'la base PostgreSQL (DATABASE_URL)' : 'le fichier de la base (DB_PATH)';
    console.error(
      logLine('erreur', `Le serveur ne démarre pas : ${where} ne peut pas être ouverte : ${(error as Error).message}`),
    );
    process.exit(1);
  });
  console.log(logLine('info', `Site et formulaires servis sur ${running.url}/ (arrêt : Ctrl+C)`));
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
