/**
 * The guide's Caddyfile (path b, step 5, the other proxy) run by Debian's Caddy on loopback, with the journeys
 * of proxy-checks.ts; Caddy's own log (its standard error, the journal in production) is read for addresses.
 * Skipped loudly without Caddy; an error in CI (.ci/run installs it).
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeGuideProxy, guideBlock, HOST, substitute, type ProxySetup } from './proxy-checks.ts';

const CADDY = ['/usr/bin/caddy', '/usr/local/bin/caddy'].find((p) => existsSync(p));
if (!CADDY) {
  if (process.env.CI === 'true') throw new Error('Caddy manque en CI : .ci/run installe caddy.');
  console.warn('\n!!! caddy-proxy.test.ts SAUTÉ : Caddy absent (apt-get install caddy).\n');
}

async function startCaddy({ dir, dist, cert, key, tlsPort, httpPort, appPort }: ProxySetup) {
  const file = substitute(guideBlock('caddy'), [
    // No admin endpoint and the test's ports; in production, Caddy's defaults (443, 80, its admin socket).
    ['{\n  log default {', `{\n  admin off\n  https_port ${tlsPort}\n  http_port ${httpPort}\n  log default {`],
    // The test's certificate; in production, Caddy obtains and renews its own.
    [`${HOST} {`, `${HOST} {\n  tls ${cert} ${key}`],
    ['/srv/fabrique/app/dist', dist],
    ['127.0.0.1:4321', `127.0.0.1:${appPort}`],
  ]);
  writeFileSync(path.join(dir, 'Caddyfile'), file);
  const caddy = spawn(CADDY!, ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Caddy keeps its state (certificates, autosave) under these: the test's folder, not root's home.
    env: { ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  let output = '';
  for (const stream of [caddy.stdout, caddy.stderr]) stream.on('data', (d: Buffer) => (output += d.toString()));
  return {
    exited: () => (caddy.exitCode === null ? undefined : output),
    stop: async () => {
      if (caddy.exitCode !== null) return;
      caddy.kill('SIGTERM');
      await new Promise((r) => caddy.once('exit', r));
    },
    logs: () => output,
  };
}

describeGuideProxy('Caddy', CADDY ? startCaddy : undefined);
