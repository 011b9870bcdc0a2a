/** Worker and Node: posted fields as text. A file or a missing field reads as '' (never « [object File] »). */
export const formText = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A posted field that may repeat (checkboxes), as its texts. */
export const formTexts = (v: unknown): string[] => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
