/** `npm run bench`: the project's benchmarks, printed against shared/spec/budgets.md. The search bench joins later. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { benchForms, printForms } from './forms.ts';

mkdirSync(path.resolve(import.meta.dirname, '../../.bench'), { recursive: true });
printForms(await benchForms());
