/**
 * The forge's publishing pipeline (.gitlab-ci.yml, path (a) of EXPLOITATION.md) as the tests read it: its jobs in
 * stage order, each with its commands, as GitLab runs them (a failed command stops its job and every later stage).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const root = path.resolve(import.meta.dirname, '../..');
export const PIPELINE_FILE = path.join(root, '.gitlab-ci.yml');

type Job = { stage: string; script: string[]; [k: string]: unknown };
export type Pipeline = {
  workflow: { rules: { if?: string; changes?: string[] }[] };
  stages: string[];
  variables: Record<string, string>;
  jobs: (Job & { name: string })[];
};

/** GitLab's keywords that are not jobs. */
const KEYWORDS = new Set(['workflow', 'stages', 'default', 'variables', 'include', 'image', 'cache', 'before_script']);

export function readPipeline(file = PIPELINE_FILE): Pipeline {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const stages = doc.stages as string[];
  const jobs = Object.entries(doc)
    .filter(([name]) => !KEYWORDS.has(name) && !name.startsWith('.'))
    .map(([name, job]) => ({ name, ...(job as Job) }))
    // Stable: jobs of one stage keep the file's order.
    .sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));
  return {
    workflow: doc.workflow as Pipeline['workflow'],
    stages,
    variables: (doc.variables as Record<string, string> | undefined) ?? {},
    jobs,
  };
}

/** Every command in the order the forge runs them, with its job. */
export const pipelineCommands = (pipeline: Pipeline) =>
  pipeline.jobs.flatMap((job) => job.script.map((command) => ({ job: job.name, command })));

/** The deployment step functions/worker/deploy.ts provides (its `--local DIR` is the offline equivalent). */
export const DEPLOY_COMMAND = 'node functions/worker/deploy.ts';
