/**
 * Node entry: `npm start` builds then runs this, `npm run serve` runs it. Reads the environment
 * (node/config.ts), stops with French messages on a wrong value, then serves (node/server.ts). Everything it
 * prints is one JSON object per line (log-line.ts): requests, and the operator's messages in `message`.
 */
import path from 'node:path';
import { formsModeFromEnv } from '../src/lib/forms/mode.ts';
import { editeurDepuis } from './editeur/reglages.ts';
import { runEquipeCli } from './equipe/cli.ts';
import { DEMONSTRATION_KEY_FILE } from './equipe/demonstration.ts';
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
  const editeur = editeurDepuis(process.env, path.resolve(import.meta.dirname, '..'), formsModeFromEnv() === 'demonstration');
  if (editeur && 'erreur' in editeur) {
    console.error(logLine('erreur', `Le serveur ne démarre pas : réglage incorrect.\n  - ${editeur.erreur}`));
    process.exit(1);
  }
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
    editeur,
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
  if (formsModeFromEnv(process.env) === 'demonstration') {
    // A demonstration administrator: a single-use link to enrol a passkey, as `npm run equipe -- inviter` gives.
    const site = running.url.replace('127.0.0.1', 'localhost');
    const where = config.databaseUrl ? ['--database-url', config.databaseUrl] : config.dbPath ? ['--db', config.dbPath] : [];
    const demo = await runEquipeCli(
      [
        'inviter',
        '--email',
        'administratrice@demonstration.invalid',
        '--nom',
        'Administratrice de démonstration',
        '--site',
        site,
        ...where,
      ],
      process.env,
    );
    if (demo.code === 0) {
      const link = demo.out.trim();
      console.log(
        logLine(
          'info',
          `Espace équipe de démonstration : lien pour créer la clé d’accès d’une administratrice d’essai (une fois, 7 jours) : ${link}`,
        ),
      );
      console.log(
        logLine(
          'info',
          `Les demandes scellées s’ouvrent avec la clé d’équipe d’exemple ${DEMONSTRATION_KEY_FILE} : elle ne protège rien.`,
        ),
      );
    } else console.log(logLine('attention', `Espace équipe de démonstration : pas d’invitation (${demo.err.trim()}).`));
  }
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
