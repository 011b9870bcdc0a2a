/** `npm run bench`: every benchmark against ../shared/spec/budgets.md. Needs a built site (npm run build). */
import { benchPages } from './pages.ts';

await benchPages();
