/**
 * One Chromium for the whole e2e run (vitest globalSetup): launched once, its address given to every test
 * file (inject('chromium')), which connects to it (browser.ts) instead of starting its own.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket address (playwright's protocol). */
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromium', server.wsEndpoint());
  return () => server.close();
}
