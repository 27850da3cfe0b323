/**
 * One-dimensional PostgreSQL arrays in the binary wire format (what array_send writes and array_recv
 * reads), to bind as a parameter: node-postgres sends a Buffer parameter as binary. Compared with an
 * array literal, PostgreSQL reads each element's length instead of scanning the text for quotes and
 * backslashes, and the client copies the text once instead of quoting it.
 *
 * Layout: dimensions (1), has-nulls flag, element type oid, then the length and lower bound (1) of the
 * dimension; then each element as its byte length (-1 for NULL) and its bytes.
 */

/** Element type oids, fixed in PostgreSQL's catalog (pg_type.dat). */
export const TEXT_OID = 25;
export const TSVECTOR_OID = 3614;

const HEADER = 20;

/** A text[] of the strings, UTF-8 encoded. */
export function binaryTextArray(values: readonly (string | null)[]): Buffer {
  // At most 3 bytes per UTF-16 unit: a pair of surrogates (2 units) takes 4 bytes.
  let capacity = HEADER;
  for (const value of values) capacity += 4 + (value === null ? 0 : value.length * 3);
  const buffer = Buffer.allocUnsafe(capacity);
  let at = header(buffer, TEXT_OID, values.length, values.includes(null));
  for (const value of values) {
    if (value === null) {
      buffer.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    const length = buffer.write(value, at + 4, "utf8");
    buffer.writeInt32BE(length, at);
    at += 4 + length;
  }
  return buffer.subarray(0, at);
}

/** An array of elements already in their type's binary form (a tsvector's, say). */
export function binaryArray(elementOid: number, values: readonly (Uint8Array | null)[]): Buffer {
  let capacity = HEADER;
  for (const value of values) capacity += 4 + (value?.length ?? 0);
  const buffer = Buffer.allocUnsafe(capacity);
  let at = header(buffer, elementOid, values.length, values.includes(null));
  for (const value of values) {
    buffer.writeInt32BE(value === null ? -1 : value.length, at);
    at += 4;
    if (value !== null) {
      buffer.set(value, at);
      at += value.length;
    }
  }
  return buffer;
}

function header(buffer: Buffer, elementOid: number, length: number, hasNulls: boolean): number {
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(hasNulls ? 1 : 0, 4);
  buffer.writeInt32BE(elementOid, 8);
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16);
  return HEADER;
}
