/** How a note on a sealed request is sealed (in the browser, browser/ouvrir.ts): the request's suite, its own label. */
const encoder = new TextEncoder();

/** HPKE info of notes: a note's blob cannot pass for a request's, nor the reverse. */
export const NOTE_INFO = encoder.encode('fabrique-solidarites/notes/v1');
/** Bound to its request: moved to another, it no longer opens. */
export const noteAssociatedData = (submissionId: string) => encoder.encode(`note\n${submissionId}`);

/** Padded with spaces to 256-byte blocks, so the length says little. */
export function padNote(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(Math.ceil((bytes.length + 1) / 256) * 256).fill(0x20);
  out.set(bytes);
  return out;
}
