// What an indexed search column holds for a value. A B-tree entry must fit in a third of a page
// (about 2.7 kB, PostgreSQL "B-Tree Implementation" §67.4), so a 1 MB name or code could not be
// indexed and the write failed. Short values are stored as they are; a long one as its first
// INDEXED_PREFIX_CHARS characters, a marker and the SHA-256 of the whole value. The resource itself
// is always stored whole.
//
// Searches apply the same functions to what they look for, so:
// - exact matches (token codes and systems, uri) stay exact for values of any length: equal values
//   give equal keys, and a short value never equals a long one's key (the key is longer);
// - prefix and substring matches (string, uri:below) see the first INDEXED_PREFIX_CHARS characters:
//   a search text of that length or less matches exactly as before; a longer one is cut to it, so it
//   may also match values that differ only further on. uri:above cannot match a hashed value.
// Migration 013 rewrote rows stored before this with the same formula, in SQL: keep the two equal.
import { createHash } from 'node:crypto';

/** Characters (code points) of a long value kept in its index key: at most 4 bytes each in UTF-8. */
export const INDEXED_PREFIX_CHARS = 200;
const MARKER = '~sha256:';

/** The index key of a value: itself when short, else prefix + marker + SHA-256 hex of its UTF-8. */
export function indexKey(value: string): string {
  const prefix = indexPrefix(value);
  if (prefix === value) return value;
  return `${prefix}${MARKER}${createHash('sha256').update(value, 'utf8').digest('hex')}`;
}

/** The part of a value that prefix and substring searches compare: its first INDEXED_PREFIX_CHARS characters. */
export function indexPrefix(value: string): string {
  // UTF-16 length >= code points, so a short string needs no counting.
  if (value.length <= INDEXED_PREFIX_CHARS) return value;
  let end = 0;
  let count = 0;
  while (end < value.length && count < INDEXED_PREFIX_CHARS) {
    const unit = value.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < value.length ? 2 : 1;
    count++;
  }
  return value.slice(0, end);
}
