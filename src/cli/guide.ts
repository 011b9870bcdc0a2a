/** `npm run guide`: writes GUIDE-EDITEURS.md from the schemas (the unit tests check it is up to date). */
import { writeFile } from 'node:fs/promises';
import { editorsGuide } from '../admin/guide.ts';

const file = new URL('../../GUIDE-EDITEURS.md', import.meta.url);
await writeFile(file, editorsGuide());
console.log('GUIDE-EDITEURS.md écrit depuis les schémas.');
