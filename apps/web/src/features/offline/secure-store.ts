// Records the patient opened, kept readable offline in IndexedDB, encrypted with AES-GCM (WebCrypto).
//
// Where the key lives, and why: a fresh random 256-bit key is made for each browser session and
// kept only in sessionStorage (raw bytes, re-imported as a non-extractable CryptoKey). It survives a
// reload of the tab, which an offline reload needs, but it is gone when the tab or browser closes,
// so what stays on disk in IndexedDB is ciphertext nobody can read afterwards (a shared or lost
// device, a disk image, a backup). It is never persisted to IndexedDB or localStorage: a stored key
// would sit beside the data it protects. Script running in this page could read the key, but such
// script could read the decrypted screens just as well, so storing it in memory only would not
// guard against that and would lose offline reading on every reload. Sign-out, an expired
// session and a start without the key wipe the store.
const DB_NAME = 'portico-offline';
const STORE = 'records';
const KEY_SLOT = 'portico.offline-key';

interface Entry {
  key: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  savedAt: string;
}

let keyPromise: Promise<CryptoKey> | undefined;

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
function unb64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function sessionKey(): Promise<CryptoKey> {
  keyPromise ??= (async () => {
    let raw = sessionStorage.getItem(KEY_SLOT);
    if (!raw) {
      // No key: whatever is on disk belongs to an ended session and can never be read again.
      await clearDatabase();
      raw = b64(crypto.getRandomValues(new Uint8Array(32)));
      sessionStorage.setItem(KEY_SLOT, raw);
    }
    return crypto.subtle.importKey('raw', unb64(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  })();
  return keyPromise;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function clearDatabase(): Promise<void> {
  await withStore('readwrite', (s) => s.clear()).catch(() => undefined);
}

/** Encrypts and stores one screen's data under its key (a fresh 96-bit IV per write, NIST SP 800-38D). */
export async function saveRecord(key: string, value: unknown): Promise<void> {
  const cryptoKey = await sessionKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(key) }, cryptoKey, plain);
  const entry: Entry = { key, iv, data, savedAt: new Date().toISOString() };
  await withStore('readwrite', (s) => s.put(entry));
}

export async function loadRecord<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
  const cryptoKey = await sessionKey();
  const entry = await withStore<Entry | undefined>('readonly', (s) => s.get(key) as IDBRequest<Entry | undefined>);
  if (!entry) return undefined;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: entry.iv, additionalData: new TextEncoder().encode(key) }, cryptoKey, entry.data);
    return { value: JSON.parse(new TextDecoder().decode(plain)) as T, savedAt: entry.savedAt };
  } catch {
    return undefined; // written under another session's key
  }
}

/** Deletes every stored record and forgets the key. */
export async function wipeOfflineStore(): Promise<void> {
  keyPromise = undefined;
  try {
    sessionStorage.removeItem(KEY_SLOT);
  } catch {
    /* ignore */
  }
  await clearDatabase();
}
