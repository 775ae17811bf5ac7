// CSV files go to the server over HTTP (POST /api/csv), never through the socket: the server
// checks the length before reading, parses the file off its trainer threads and answers an id
// that a small loadCsv message then uses (docs/protocol.md).

import { LIMITS } from './state.js';

/** Largest file the server takes (CsvImport.MAX_BYTES, from the page's embedded table). */
export const MAX_CSV_BYTES = LIMITS.csvBytes;

/**
 * Uploads {@code body} (a File, Blob or string) named {@code name}; resolves to the upload's id,
 * or rejects with the server's message in plain words (too large, too many uploads, a bad line).
 */
export async function uploadCsv(name, body, label) {
  const query = new URLSearchParams({ name });
  if (label) query.set('label', label);
  let response;
  try {
    response = await fetch(`/api/csv?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body });
  } catch (e) {
    throw new Error(`${name} could not be sent: the server cannot be reached.`);
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || `${name} was refused (HTTP ${response.status}).`);
  return answer.upload;
}
