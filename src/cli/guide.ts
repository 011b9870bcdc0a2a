/** `npm run guide`: writes content/GUIDE-EDITEURS.md from the schemas (the unit tests check it is up to date). */
import { writeFile } from 'node:fs/promises';
import { editorsGuide } from '../admin/guide.ts';

const file = new URL('../../content/GUIDE-EDITEURS.md', import.meta.url);
await writeFile(file, editorsGuide());
console.log('content/GUIDE-EDITEURS.md écrit depuis les schémas.');
