/** `npm run bench`: every benchmark against ../shared/spec/budgets.md. Needs a built site (npm run build). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { benchForms, printForms } from './forms.ts';
import { lighthouseRenderBlocking } from './lighthouse.ts';
import { benchPages } from './pages.ts';
import { benchSearch } from './search.ts';

await benchPages();
await lighthouseRenderBlocking();
await benchSearch();
mkdirSync(path.resolve(import.meta.dirname, '../../.bench'), { recursive: true });
printForms(await benchForms());
