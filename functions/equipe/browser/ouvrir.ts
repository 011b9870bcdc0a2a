/**
 * In the browser only: opens a sealed request with the team's key file, and seals a note before it is sent.
 * The private key becomes a non-extractable WebCrypto key, kept for this page or, if asked, in this browser
 * (IndexedDB); neither it nor the clear text is ever sent: this script makes no request of its own.
 */
import { associatedData, fromBase64url, SEAL_INFO, suite, toBase64url } from '../../seal/suite.ts';
import { NOTE_INFO, noteAssociatedData, padNote } from '../notes-seal.ts';

const box = document.getElementById('scelle') as HTMLElement;
const status = document.getElementById('etat-ouverture')!;
const clear = document.getElementById('clair') as HTMLElement;
const say = (text: string) => (status.textContent = text);
const labels = JSON.parse(box.dataset.libelles ?? '{}') as {
  champs?: Record<string, string>;
  options?: Record<string, Record<string, string>>;
};

const DB = 'fabrique-equipe';
function keyStore(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('cles');
    open.onsuccess = () => resolve(open.result.transaction('cles', mode).objectStore('cles'));
    open.onerror = () => reject(open.error ?? new Error('IndexedDB indisponible'));
  });
}
const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB indisponible'));
  });

async function keyFromFile(file: File): Promise<{ id: string; key: CryptoKey }> {
  const data = JSON.parse(await file.text()) as { format?: string; keyId?: string; privateKey?: string; publicKey?: string };
  if (data.format !== 'fabrique-cle-equipe/1' || !data.keyId || !data.privateKey || !data.publicKey)
    throw new Error('Ce fichier n’est pas une clé d’équipe (créée par « npm run keys -- create »).');
  // Non-extractable: once imported, the private key can be used here but never read back by a script.
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'X25519', d: data.privateKey, x: data.publicKey },
    { name: 'X25519' },
    false,
    ['deriveBits'],
  );
  return { id: data.keyId, key };
}

async function open(key: CryptoKey, enc: string, ct: string, info: Uint8Array, aad: Uint8Array): Promise<string> {
  const plain = await suite.open({ recipientKey: key, enc: fromBase64url(enc), info }, fromBase64url(ct), aad);
  return new TextDecoder().decode(plain).trimEnd();
}

function show(values: Record<string, string | string[]>) {
  clear.replaceChildren();
  for (const [name, value] of Object.entries(values)) {
    const dt = document.createElement('dt');
    dt.textContent = labels.champs?.[name] ?? name;
    const dd = document.createElement('dd');
    dd.textContent = [value]
      .flat()
      .map((v) => labels.options?.[name]?.[v] ?? v)
      .join(', ');
    clear.append(dt, dd);
  }
  clear.hidden = false;
}

async function openAll(id: string, key: CryptoKey) {
  const values = JSON.parse(
    await open(key, box.dataset.enc!, box.dataset.ct!, SEAL_INFO, associatedData(box.dataset.form!, box.dataset.id!)),
  ) as Record<string, string | string[]>;
  show(values);
  for (const note of document.querySelectorAll<HTMLElement>('.note-scellee')) {
    if (note.dataset.cle !== id) continue;
    note.textContent = await open(key, note.dataset.enc!, note.dataset.ct!, NOTE_INFO, noteAssociatedData(box.dataset.id!)).catch(
      () => 'note illisible avec cette clé',
    );
  }
  say('Demande ouverte dans ce navigateur.');
}

document.getElementById('ouvrir')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    try {
      const file = (document.getElementById('fichier-cle') as HTMLInputElement).files?.[0];
      const keep = (document.getElementById('garder-cle') as HTMLInputElement).checked;
      let loaded: { id: string; key: CryptoKey } | undefined;
      if (file) loaded = await keyFromFile(file);
      else {
        const kept = await request<unknown>((await keyStore('readonly')).get(box.dataset.cle!)).catch(() => undefined);
        if (kept) loaded = { id: box.dataset.cle!, key: kept as CryptoKey };
      }
      if (!loaded) return say('Choisissez le fichier de clé de l’équipe.');
      if (loaded.id !== box.dataset.cle)
        return say(`Cette demande est scellée pour la clé ${box.dataset.cle}, pas pour ${loaded.id}.`);
      if (file && keep) await request((await keyStore('readwrite')).put(loaded.key, loaded.id));
      await openAll(loaded.id, loaded.key);
    } catch (error) {
      say(
        error instanceof SyntaxError
          ? 'Fichier de clé illisible.'
          : (error as Error).message || 'Ouverture impossible : clé différente ou demande modifiée.',
      );
    }
  })();
});

// A note on a sealed request is sealed here, to the team's public key; its clear text is not sent.
const noteForm = document.getElementById('note') as HTMLFormElement | null;
noteForm?.addEventListener('submit', (event) => {
  if (!noteForm.dataset.scellee) return;
  event.preventDefault();
  void (async () => {
    const area = noteForm.elements.namedItem('texte') as HTMLTextAreaElement;
    const publicKey = await suite.kem.deserializePublicKey(fromBase64url(noteForm.dataset.clePublique!));
    const { enc, ct } = await suite.seal(
      { recipientPublicKey: publicKey, info: NOTE_INFO },
      padNote(area.value),
      noteAssociatedData(box.dataset.id!),
    );
    (noteForm.elements.namedItem('cle') as HTMLInputElement).value = noteForm.dataset.cle!;
    (noteForm.elements.namedItem('enc') as HTMLInputElement).value = toBase64url(new Uint8Array(enc));
    (noteForm.elements.namedItem('ct') as HTMLInputElement).value = toBase64url(new Uint8Array(ct));
    area.removeAttribute('name');
    area.value = '';
    noteForm.submit();
  })();
});
