import { MESSAGES_FR, type FormMessages } from './messages.ts';

/** Text hygiene shared by every field: what is refused, what is quietly removed, how length is counted. */

// Bidi overrides and isolates, marks, zero-width space/no-break, word joiner, BOM: invisible, and used to
// disguise text (e.g. reversing a file name). ZWJ/ZWNJ stay: emoji and some scripts need them.
const INVISIBLE = /[\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// C0 and C1 control characters except tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;

/** Length as a person counts it: code points, not UTF-16 units nor bytes. */
export const codePoints = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) if (text.codePointAt(i)! > 0xffff) i++;
  return n;
};

/** NFC, invisible controls removed, CRLF as LF (as browsers count textarea length). What we store is what this returns. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n/g, '\n').normalize('NFC');
}

/** Why a raw value cannot be accepted as text, or undefined when it can. */
export function textProblem(text: string, multiline: boolean, m: FormMessages = MESSAGES_FR): string | undefined {
  if (!text.isWellFormed()) return m.illegible;
  if (CONTROL.test(text)) return m.control;
  if (!multiline && LINE_BREAK.test(text)) return m.oneLine;
  return undefined;
}
