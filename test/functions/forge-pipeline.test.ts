/**
 * The forge's publishing pipeline (.gitlab-ci.yml, path (a)) run command by command on a copy of the project, as
 * GitLab would: the content check, the build, the Worker's build, then the deployment, here its local equivalent
 * (`deploy.ts --local`: the D1 migrations applied to a local D1, nothing sent). `npm ci` is skipped: the copy links
 * node_modules. A content mistake stops the pipeline at the check, with its French message, before any build.
 * About 2 minutes (a whole build): `npm run test:complet` only (test/scope.ts).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../functions/store/d1.ts';
import { projectCopy } from '../e2e/admin-helpers.ts';
import { DEPLOY_COMMAND, pipelineCommands, readPipeline, root } from './forge-pipeline.ts';

const pipeline = readPipeline();
/** What the forge gives the jobs (GitLab's predefined variables), then the pipeline's own variables. */
const FORGE = { CI: 'true', CI_PROJECT_PATH: 'fabrique/site', CI_SERVER_URL: 'https://forge.example', CI_DEFAULT_BRANCH: 'main' };
const expand = (value: string) => value.replace(/\$(\w+)/g, (_, name: string) => FORGE[name as keyof typeof FORGE] ?? '');

type Step = { job: string; command: string; code: number; output: string };

let copy: Awaited<ReturnType<typeof projectCopy>>;
let d1: string;

/** Runs the pipeline's commands in order in the copy, stopping at the first failure as GitLab does. */
async function runPipeline(): Promise<Step[]> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...FORGE,
    ...Object.fromEntries(Object.entries(pipeline.variables).map(([k, v]) => [k, expand(String(v))])),
    // The tests' day (FABRIQUE_AUJOURDHUI) is kept: no freshness check changes with the calendar.
    SITE_URL: 'https://fabrique-solidarites.example',
    PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`,
    NO_COLOR: '1',
  };
  // The forge builds in production mode: the tests' demonstration mode is not passed on.
  delete env.FABRIQUE_DEMONSTRATION;
  const steps: Step[] = [];
  for (const { job, command } of pipelineCommands(pipeline)) {
    if (command.startsWith('npm ci')) continue;
    const run = command === DEPLOY_COMMAND ? `${command} --local ${d1}` : command;
    const code = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('sh', ['-c', run], { cwd: copy.dir, env, maxBuffer: 50 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    steps.push({ job, command, ...code });
    if (code.code !== 0) break;
  }
  return steps;
}

beforeAll(async () => {
  copy = await projectCopy();
  // The Worker's configuration (D1 binding, migrations folder), which the deployment reads.
  await copyFile(path.join(root, 'wrangler.jsonc'), path.join(copy.dir, 'wrangler.jsonc'));
  d1 = await mkdtemp(path.join(tmpdir(), 'forge-d1-'));
}, 60_000);

afterAll(async () => {
  await copy?.remove();
  if (d1) await rm(d1, { recursive: true, force: true });
});

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('the forge’s pipeline, run on a copy of the project', () => {
  it('stops at the content check on a content mistake, with its French message, and never builds nor deploys', async () => {
    const file = path.join(copy.dir, 'content/referents/centre-1.md');
    const before = await readFile(file, 'utf8');
    expect(before).toContain('creneau: "14:00-17:00"');
    await writeFile(file, before.replace('creneau: "14:00-17:00"', 'creneau: "14h-25h"'));
    try {
      const steps = await runPipeline();
      expect(steps.map((s) => s.command)).toEqual(['npm run check:content']);
      const last = steps.at(-1)!;
      expect(last.code).toBe(1);
      expect(last.output).toContain('content/referents/centre-1.md, ligne 10, champ « permanences[0].creneau »');
      expect(last.output).toContain('créneau mal écrit : « 14h-25h » ; attendu HH:MM-HH:MM');
      expect(await exists(path.join(copy.dir, 'dist'))).toBe(false);
      expect(await exists(path.join(d1, 'v3'))).toBe(false);
    } finally {
      await writeFile(file, before);
    }
  }, 60_000);

  it('checks, builds, builds the Worker and applies the D1 migrations, each step exiting 0', async () => {
    const steps = await runPipeline();
    for (const step of steps) expect(step.code, `${step.command}\n${step.output.slice(-3000)}`).toBe(0);
    expect(steps.map((s) => s.command)).toEqual(
      pipelineCommands(pipeline)
        .map((c) => c.command)
        .filter((c) => !c.startsWith('npm ci')),
    );
    expect(steps[0]!.output).toMatch(/Contenu vérifié : \d+ fiches, aucune erreur/);
    expect((await stat(path.join(copy.dir, 'dist-worker/worker.js'))).size).toBeGreaterThan(10_000);
    expect(await exists(path.join(copy.dir, 'dist/index.html'))).toBe(true);
    const deploy = steps.at(-1)!;
    for (const name of MIGRATION_NAMES) expect(deploy.output).toContain(name);
  }, 600_000);
});
