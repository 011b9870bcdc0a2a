/**
 * The forge's publishing pipeline for path (a) (.gitlab-ci.yml): its shape, read as GitLab reads it. Its run on a
 * copy of the project, build and local D1 included, is test/functions/forge-pipeline.test.ts (npm run test:complet).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploySteps } from '../../functions/worker/deploy.ts';
import { DEPLOY_COMMAND, PIPELINE_FILE, pipelineCommands, readPipeline, root } from '../functions/forge-pipeline.ts';

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const pipeline = readPipeline();
const commands = pipelineCommands(pipeline).map((c) => c.command);
const text = readFileSync(PIPELINE_FILE, 'utf8');

describe('the forge’s publishing pipeline (.gitlab-ci.yml)', () => {
  it('runs only npm scripts the project has, and the deployment deploy.ts provides, last', () => {
    const scripts = commands.flatMap((c) => [...c.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) expect(Object.keys(pkg.scripts), name).toContain(name);
    expect(commands.at(-1)).toBe(DEPLOY_COMMAND);
    // deploy.ts applies the D1 migrations, then deploys: the same steps as `npm run rebuild:worker`.
    expect(deploySteps().map((args) => args[0])).toEqual(['d1', 'deploy']);
  });

  it('checks the content first, alone in the first stage, then publishes as npm run rebuild:worker does', () => {
    const [first, second] = pipeline.stages;
    const check = pipeline.jobs.filter((j) => j.stage === first);
    expect(check.map((j) => j.script.filter((c) => !c.startsWith('npm ci')))).toEqual([['npm run check:content']]);
    const publish = pipeline.jobs.filter((j) => j.stage === second);
    expect(publish).toHaveLength(1);
    expect(publish[0]!.script.filter((c) => !c.startsWith('npm ci'))).toEqual(pkg.scripts['rebuild:worker']!.split(' && '));
    // Each job installs the dependencies first (Node 24 comes with them, as everywhere in the project).
    for (const job of pipeline.jobs) expect(job.script[0], job.name).toMatch(/^npm ci\b/);
    expect(text).toMatch(/image: node:24\b/);
  });

  it('runs on a push to the default branch touching content, every day, and by hand', () => {
    const rules = pipeline.workflow.rules;
    expect(rules.some((r) => r.if?.includes('"schedule"'))).toBe(true);
    expect(rules.some((r) => r.if?.includes('"web"'))).toBe(true);
    const push = rules.find((r) => r.if?.includes('"push"'));
    expect(push?.if).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(push?.changes).toContain('content/**/*');
  });

  it('keeps the Cloudflare secrets out of the file, and says where to set them', () => {
    for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID']) {
      expect(text).toMatch(new RegExp(`#\\s+${name}\\s+masquée`));
      expect(Object.keys(pipeline.variables)).not.toContain(name);
    }
  });
});
