/**
 * The guide's nginx block (path b, step 5) run by Debian's nginx on loopback, with the journeys of
 * proxy-checks.ts; nginx writes no access log. Skipped loudly without nginx; an error in CI (.ci/run installs it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { describeGuideProxy, guideBlock, HOST, substitute, type ProxySetup } from './proxy-checks.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));
if (!NGINX) {
  if (process.env.CI === 'true') throw new Error('nginx manque en CI : .ci/run installe nginx-light.');
  console.warn('\n!!! nginx-proxy.test.ts SAUTÉ : nginx absent (apt-get install nginx-light).\n');
}

async function startNginx({ dir, dist, cert, key, tlsPort, httpPort, appPort }: ProxySetup) {
  const site = substitute(guideBlock('nginx'), [
    ['listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    [`/etc/letsencrypt/live/${HOST}/fullchain.pem`, cert],
    [`/etc/letsencrypt/live/${HOST}/privkey.pem`, key],
    ['/var/log/nginx/fabrique-erreurs.log', path.join(dir, 'fabrique-erreurs.log')],
    ['/srv/fabrique/app/dist', dist],
    ['http://127.0.0.1:4321', `http://127.0.0.1:${appPort}`],
  ]);
  // Debian's nginx.conf around it: its general error log at its default level (error).
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/general.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${site}
}
`,
  );
  const nginx = spawn(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'general.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  nginx.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    exited: () => (nginx.exitCode === null ? undefined : stderr),
    stop: async () => {
      if (nginx.exitCode !== null) return;
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx.once('exit', r));
    },
    logs: () => {
      expect(existsSync(path.join(dir, 'logs/access.log')), 'nginx a écrit un journal d’accès').toBe(false);
      return ['fabrique-erreurs.log', 'general.log']
        .map((f) => path.join(dir, f))
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    },
  };
}

describeGuideProxy('nginx', NGINX ? startNginx : undefined);
