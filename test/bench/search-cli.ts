/** `node test/bench/search-cli.ts [pages]`: the search benchmark alone (run `npm run build` first). */
import { benchSearch } from './search.ts';

const generated = Number(process.argv[2] ?? 10_000);
await benchSearch({ generated });
