/** Every built page is valid HTML under html-validate's recommended rules (exceptions in .config/html-validate.ts). */
import { HtmlValidate } from 'html-validate';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../../.config/html-validate.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');
// Old addresses (astro.config.mjs `redirects`) are Astro's own one-line refresh pages, not our templates.
const pages = globSync('**/*.html', { cwd: dist })
  .filter((p) => !readFileSync(path.join(dist, p), 'utf8').includes('http-equiv="refresh"'))
  .sort();
const validator = new HtmlValidate(htmlValidateConfig);

describe('built pages are valid HTML', () => {
  it('finds the built site', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it.each(pages)('%s', async (page) => {
    const report = await validator.validateString(readFileSync(path.join(dist, page), 'utf8'), page);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} ligne ${m.line} : ${m.message} (${m.selector ?? ''})`),
    );
    expect(problems).toEqual([]);
  });
});
