/**
 * Node entry: `npm start` builds then runs this, `npm run serve` runs it. Reads the environment
 * (node/config.ts), stops with French messages on a wrong value, then serves (node/server.ts).
 */
import { formsModeFromEnv } from '../src/lib/forms/mode.ts';
import { runEquipeCli } from './equipe/cli.ts';
import { DEMONSTRATION_KEY_FILE } from './equipe/demonstration.ts';
import { configFromEnv } from './node/config.ts';
import { BuildModeError, startServer } from './node/server.ts';

export { startServer, type RunningServer, type ServerOptions } from './node/server.ts';

if (import.meta.main) {
  const result = configFromEnv(process.env);
  if (!result.ok) {
    console.error(`Le serveur ne démarre pas : réglage incorrect.\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
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
    notice: (line) => console.log(line),
    // One JSON line per request: form, status, outcome, duration; never content or an address.
    log: (e) => console.log(JSON.stringify({ at: new Date().toISOString(), ...e })),
  }).catch((error: unknown) => {
    if (error instanceof BuildModeError) {
      console.error(`Le serveur ne démarre pas : ${error.message}`);
      process.exit(1);
    }
    // The database cannot be opened or reached: say which and why, without a stack trace.
    const where = config.databaseUrl ? 'la base PostgreSQL (DATABASE_URL)' : 'le fichier de la base (DB_PATH)';
    console.error(`Le serveur ne démarre pas : ${where} ne peut pas être ouverte : ${(error as Error).message}`);
    process.exit(1);
  });
  console.log(`Site et formulaires servis sur ${running.url}/ (arrêt : Ctrl+C)`);
  if (formsModeFromEnv(process.env) === 'demonstration') {
    // A demonstration administrator: a single-use link to enrol a passkey, as `npm run equipe -- inviter` gives.
    const site = running.url.replace('127.0.0.1', 'localhost');
    const where = config.databaseUrl ? ['--database-url', config.databaseUrl] : config.dbPath ? ['--db', config.dbPath] : [];
    const demo = await runEquipeCli(
      ['inviter', '--email', 'administratrice@demonstration.invalid', '--nom', 'Administratrice de démonstration', '--site', site, ...where],
      process.env,
    );
    if (demo.code === 0)
      console.log(
        `Espace équipe de démonstration : ouvrez ce lien pour créer la clé d’accès d’une administratrice d’essai (une fois, 7 jours) :\n  ${demo.out.trim()}\n` +
          `Les demandes scellées s’ouvrent avec la clé d’équipe d’exemple ${DEMONSTRATION_KEY_FILE} : elle ne protège rien.`,
      );
    else console.log(`Espace équipe de démonstration : pas d’invitation (${demo.err.trim()}).`);
  }
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
