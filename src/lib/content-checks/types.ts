/** Build and Node server: what every content check reads (an entry as loaded) and reports (a problem), in their own file so no check imports another. */
import type { CollectionName } from '../../schemas/index.ts';

/** One thing to fix: where (file, line, field) and what is expected. Warnings don't stop the build. */
export type ContentProblem = {
  file: string;
  line?: number;
  field?: string;
  message: string;
  niveau?: 'erreur' | 'avertissement';
};
export type LoadedEntry = {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  /** Line of a field in the file, for messages. */
  lineOf?: (at: readonly PropertyKey[]) => number;
};
