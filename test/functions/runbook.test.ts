/**
 * Issue 20, item 5: every message an operator can meet is in the runbook (EXPLOITATION.md, « Dépannage »).
 * The messages are read from the source — the settings both servers refuse (settings.ts, node/config.ts,
 * worker/config.ts, notify/), what the Node server says at start and while it runs (node.ts, node/), the
 * build, release, rebuild and rollback commands, and the staff commands' refusals (UserError, keys) — and each
 * one's longest fixed part (between its `${…}`) must appear in the runbook. A new message without its entry
 * fails here, with the message to add. Run as a script, it prints them: node test/functions/runbook.test.ts
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Where operator messages are written, and the calls that carry one as their first argument. */
const SOURCES = [
  'functions/settings.ts',
  'functions/node.ts',
  'functions/node/*.ts',
  'functions/worker/config.ts',
  'functions/worker.ts',
  'functions/notify/smtp.ts',
  'functions/notify/http-api.ts',
  'functions/build-stamp.ts',
  'functions/build-guard.ts',
  'functions/release.ts',
  'functions/staff/*.ts',
  'functions/staff/commands/*.ts',
  'functions/store/schema-check.ts',
  'functions/editeur/node.ts',
  'functions/editeur/reglages.ts',
  'functions/editeur/publication.ts',
  'functions/editeur/depot.ts',
  'functions/editeur/routes.ts',
];
const CALL =
  /(?:errors\.push|new (?:UserError|ReleaseError|ReleaseRefused|BuildModeError|SchemaDriftError|Error)|notice|console\.error|logLine\(\s*'\w+',|return)\s*\(?\s*(['`])/g;
/** Fixed parts shorter than this say nothing of their own (« : », « . »): such a message is named by a longer one. */
const MIN_FRAGMENT = 14;

export type OperatorMessage = { file: string; text: string; fragment: string };

/** The string literal starting at `start` (its quote there): its text with each `${…}` as «…», and its fixed parts. */
function literalAt(src: string, start: number): { text: string; parts: string[] } {
  const quote = src[start]!;
  const parts: string[] = [];
  let part = '';
  let i = start + 1;
  while (i < src.length && src[i] !== quote) {
    if (src[i] === '\\') {
      part += src[i + 1] === 'n' ? '\n' : src[i + 1]!;
      i += 2;
    } else if (quote === '`' && src.startsWith('${', i)) {
      // Skip the expression, nested templates and braces included.
      let depth = 1;
      i += 2;
      while (depth > 0 && i < src.length) {
        if (src[i] === '{') depth++;
        else if (src[i] === '}') depth--;
        else if (src[i] === '`') i = src.indexOf('`', i + 1);
        i++;
      }
      parts.push(part);
      part = '';
    } else part += src[i++]!;
  }
  parts.push(part);
  return { text: parts.join('…'), parts };
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Shell scripts for the operator: each `erreur "…"` (sauvegarde-chiffree.sh), its `$…` parts as «…». */
const SCRIPTS = ['functions/staff/*.sh'];
const SHELL_CALL = /\berreur "((?:[^"\\]|\\.)*)"/g;

function shellMessages(file: string, src: string): OperatorMessage[] {
  return [...src.matchAll(SHELL_CALL)].map((m) => {
    const parts = m[1]!.split(/\$\([^)]*(?:\([^)]*\)[^)]*)*\)|\$\{[^}]*\}|\$\w+/);
    const fragment = parts
      .map((p) => normal(p).replace(/^[\s:;,.()«»—-]+|[\s:;,.()«»—-]+$/g, ''))
      .sort((a, b) => b.length - a.length)[0]!;
    return { file, text: normal(`Sauvegarde chiffrée impossible : ${parts.join('…')}`), fragment };
  });
}

export function operatorMessages(): OperatorMessage[] {
  const files = [...new Set(SOURCES.flatMap((p) => globSync(p, { cwd: root })))].filter((f) => !f.endsWith('.test.ts'));
  const found: OperatorMessage[] = [];
  for (const file of files.sort()) {
    const src = readFileSync(path.join(root, file), 'utf8');
    for (const m of src.matchAll(CALL)) {
      const { text, parts } = literalAt(src, m.index + m[0].length - 1);
      // French sentences only: code names, SQL and English internals are not for the operator.
      if (!/[àâçéèêëîïôûùü’«]|\b(?:le|la|les|une?|des|est|pas|ou)\b/.test(text)) continue;
      const fragment = parts
        .map((p) => normal(p).replace(/^[\s:;,.()«»—-]+|[\s:;,.()«»—-]+$/g, ''))
        .sort((a, b) => b.length - a.length)[0]!;
      if (fragment.length < MIN_FRAGMENT) continue;
      found.push({ file, text: normal(text), fragment });
    }
  }
  for (const file of SCRIPTS.flatMap((p) => globSync(p, { cwd: root })).sort())
    found.push(...shellMessages(file, readFileSync(path.join(root, file), 'utf8')));
  return found;
}

if (import.meta.main) {
  for (const m of operatorMessages()) console.log(`${m.file}\t${m.text}`);
} else {
  const { describe, expect, it } = await import('vitest');
  describe('runbook', () => {
    it('lists every operator message the servers and commands can print', () => {
      const messages = operatorMessages();
      // The extraction itself is checked: it finds the settings, the start, the jobs and the staff commands.
      expect(messages.length).toBeGreaterThan(40);
      for (const known of [
        'DATABASE_URL et DB_PATH',
        'Le serveur ne démarre pas',
        'Reconstruction refusée',
        'Le fichier … existe déjà',
      ])
        expect(
          messages.some((m) => m.text.includes(known)),
          known,
        ).toBe(true);
      const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
      const runbook = normal(guide.slice(guide.indexOf('## Dépannage')));
      expect(guide).toContain('## Dépannage');
      const missing = messages.filter((m) => !runbook.includes(m.fragment)).map((m) => `${m.file} : ${m.text}`);
      expect(missing, 'messages absents de la section « Dépannage » de EXPLOITATION.md').toEqual([]);
    });
  });
}
