import { arrayLiteral } from "./array-literal";
import type { SqlSession } from "./sql-session";

/**
 * Builds wires' search vectors in JavaScript, exactly as the database's `wire_search_vector` computes them:
 *
 *   setweight(to_tsvector('english', translate(headline, '·', '-')), 'A') ||
 *   setweight(to_tsvector('english', translate(summary, '·', '-')), 'B') ||
 *   setweight(to_tsvector('english', translate(body, '·', '-')), 'C')
 *
 * PostgreSQL's text parser is most of that function's cost, and synthetic wires repeat a finite
 * vocabulary. So each distinct piece of text between spaces is parsed by PostgreSQL once per run
 * (to_tsvector, same configuration), and vectors are put together from those pieces with the positions
 * (phrase search depends on them) and weights to_tsvector gives. The vector goes into the INSERT in
 * PostgreSQL's binary form (what tsvector_send writes), which the server reads without parsing text,
 * and neither the INSERT nor the trigger computes a vector again where one is supplied.
 *
 * Exactness rests on one property of the default parser: outside an HTML tag, no token spans a
 * space, tab or line break, so the pieces parsed one by one give the tokens of the whole text.
 * Text with a "<" (a possible tag) or a very long piece gets no vector here (null): the database
 * computes it.
 */
export type SearchVectorBuilder = {
  /** Each wire's vector in the binary form, or null where the database has to compute it. */
  build(wires: readonly WireText[]): Promise<(Buffer | null)[]>;
  /** How many distinct pieces of text PostgreSQL has parsed so far. */
  readonly pieces: number;
};

export type WireText = { headline: string; summary: string; body: string };

/** The text search configuration of `wire_search_vector`. */
export const SEARCH_CONFIG = "english";
/** The weight bits of a binary position, per part: A (3) for the headline, B (2) the summary, C (1) the body. */
const WEIGHT_BITS = [3 << 14, 2 << 14, 1 << 14] as const;
/** tsvector limits: positions run to 16383, and a lexeme keeps at most 255 of them (MAXENTRYPOS, MAXNUMPOS). */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
/** Longer pieces are left to the database: the parser skips words over 2047 bytes, with a notice. */
const MAX_PIECE = 200;
const UNKNOWN = Symbol("unknown piece");
/** A word that is its own lexeme and no stop word. */
const SENTINEL = "zzzz";

export function createSearchVectorBuilder(session: SqlSession): SearchVectorBuilder {
  // Pieces in an open-addressing hash table keyed by their characters, so that looking one up in a
  // text allocates nothing: a run takes a few hundred million lookups. Everything a lookup reads is
  // in flat typed arrays (a slot holds the piece's hash beside its number; the pieces' characters and
  // tokens are in pools), since a run's pieces outgrow the processor's caches.
  let pieces = 0;
  let table = new Int32Array(2 << 16);
  /** Per piece: where its characters start in `chars`, and its length. */
  let charStart = new Int32Array(1024);
  let charLength = new Int32Array(1024);
  let chars = new Uint16Array(1 << 16);
  let charsUsed = 0;
  /**
   * Per piece: where its tokens start in `tokens`, and where they end. A piece's tokens that take a
   * position, flattened: for each, its number of lexemes, then their ids. A stop word takes a
   * position with no lexeme: [0].
   */
  let tokenStart = new Int32Array(1024);
  let tokenEnd = new Int32Array(1024);
  let tokens = new Int32Array(1 << 16);
  let tokensUsed = 0;
  const lexemeIds = new Map<string, number>();
  /** Per lexeme id: its UTF-8 bytes and the terminating zero, as the binary form writes it. */
  const lexemeBytes: Buffer[] = [];
  // Scratch space for one vector: each lexeme's positions as a linked list, valid while stamp[id] === current.
  let stamp = new Int32Array(1024);
  let head = new Int32Array(1024);
  let tail = new Int32Array(1024);
  let count = new Int32Array(1024);
  let current = 0;
  let next = new Int32Array(4096);
  let value = new Int32Array(4096);
  const order: number[] = [];

  function find(text: string, start: number, end: number, hash: number): number {
    const mask = (table.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) return -1;
      if (table[2 * slot] !== hash) continue;
      const index = entry - 1;
      if (charLength[index] !== length) continue;
      const from = charStart[index]!;
      let k = 0;
      while (k < length && chars[from + k] === text.charCodeAt(start + k)) k += 1;
      if (k === length) return index;
    }
  }

  function addPiece(key: string, pieceTokens: readonly number[]): void {
    const index = pieces;
    pieces += 1;
    if (index >= charStart.length) {
      charStart = grow(charStart);
      charLength = grow(charLength);
      tokenStart = grow(tokenStart);
      tokenEnd = grow(tokenEnd);
    }
    while (charsUsed + key.length > chars.length) {
      const bigger = new Uint16Array(chars.length * 2);
      bigger.set(chars);
      chars = bigger;
    }
    charStart[index] = charsUsed;
    charLength[index] = key.length;
    for (let k = 0; k < key.length; k += 1) chars[charsUsed++] = key.charCodeAt(k);
    while (tokensUsed + pieceTokens.length > tokens.length) tokens = grow(tokens);
    tokenStart[index] = tokensUsed;
    for (const token of pieceTokens) tokens[tokensUsed++] = token;
    tokenEnd[index] = tokensUsed;
    if (pieces * 2 > table.length >> 1) {
      table = new Int32Array(table.length * 2);
      for (let other = 0; other < pieces; other += 1) insert(other);
    } else insert(index);
  }

  function insert(index: number): void {
    const mask = (table.length >> 1) - 1;
    let hash = HASH_SEED;
    const from = charStart[index]!;
    for (let k = 0; k < charLength[index]!; k += 1) hash = Math.imul(hash ^ chars[from + k]!, HASH_PRIME);
    let slot = hash & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = hash;
    table[2 * slot + 1] = index + 1;
  }

  function lexemeId(lexeme: string): number {
    let id = lexemeIds.get(lexeme);
    if (id === undefined) {
      id = lexemeBytes.length;
      lexemeIds.set(lexeme, id);
      lexemeBytes.push(Buffer.from(`${lexeme}\0`, "utf8"));
      if (id >= stamp.length) {
        stamp = grow(stamp);
        head = grow(head);
        tail = grow(tail);
        count = grow(count);
      }
    }
    return id;
  }

  /** The vector, null when the database must compute it, or UNKNOWN after adding the pieces it lacks to `missing`. */
  function vector(wire: WireText, missing: Set<string>): Buffer | null | typeof UNKNOWN {
    current += 1;
    order.length = 0;
    let entries = 0;
    let shift = 0;
    let lacking = false;
    for (let part = 0; part < 3; part += 1) {
      let text = part === 0 ? wire.headline : part === 1 ? wire.summary : wire.body;
      if (text.includes("<")) return null;
      if (text.includes("·")) text = text.replaceAll("·", "-");
      let position = 0;
      let last = 0;
      let start = -1;
      let hash = 0;
      for (let i = 0; i <= text.length; i += 1) {
        const c = i < text.length ? text.charCodeAt(i) : 32;
        if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
          if (start < 0) {
            start = i;
            hash = HASH_SEED;
          }
          hash = Math.imul(hash ^ c, HASH_PRIME);
          continue;
        }
        if (start < 0) continue;
        if (i - start > MAX_PIECE) return null;
        const index = find(text, start, i, hash);
        if (index < 0) {
          missing.add(text.slice(start, i));
          lacking = true;
        }
        start = -1;
        if (lacking) continue;
        const pieceEnd = tokenEnd[index]!;
        for (let k = tokenStart[index]!; k < pieceEnd; ) {
          const n = tokens[k]!;
          position += 1;
          if (n > 0) {
            // `||` shifts the next part by the highest position so far, which a trailing stop word does not raise.
            last = position;
            const at = shift + position;
            if (at > MAX_POSITION) return null;
            for (let j = 1; j <= n; j += 1) {
              const id = tokens[k + j]!;
              if (entries >= next.length) {
                next = grow(next);
                value = grow(value);
              }
              value[entries] = (at << 2) | part;
              next[entries] = -1;
              if (stamp[id] !== current) {
                stamp[id] = current;
                head[id] = entries;
                count[id] = 0;
                order.push(id);
              } else {
                next[tail[id]!] = entries;
              }
              tail[id] = entries;
              if (++count[id]! > MAX_POSITIONS_PER_LEXEME) return null;
              entries += 1;
            }
          }
          k += n + 1;
        }
      }
      shift += last;
    }
    if (lacking) return UNKNOWN;
    // The entry count; then per lexeme its bytes, its number of positions and each position with its
    // weight in the top two bits. Lexemes go in order of first appearance: the server sorts them.
    let size = 4;
    for (let o = 0; o < order.length; o += 1) size += lexemeBytes[order[o]!]!.length + 2 + 2 * count[order[o]!]!;
    const out = Buffer.allocUnsafe(size);
    out.writeInt32BE(order.length, 0);
    let at = 4;
    for (let o = 0; o < order.length; o += 1) {
      const id = order[o]!;
      const bytes = lexemeBytes[id]!;
      out.set(bytes, at);
      at += bytes.length;
      out.writeUInt16BE(count[id]!, at);
      at += 2;
      for (let e = head[id]!; e >= 0; e = next[e]!) {
        out.writeUInt16BE(WEIGHT_BITS[value[e]! & 3]! | (value[e]! >> 2), at);
        at += 2;
      }
    }
    return out;
  }

  async function learn(missing: Set<string>): Promise<void> {
    const list = [...missing];
    // A sentinel word after each piece takes the position after the piece's last token, so its position
    // tells how many tokens took one, stop words included (to_tsvector leaves those out).
    const rows = await session.query<{ i: number; lexeme: string; positions: number[] }>(
      `SELECT c.i::int AS i, v.lexeme, v.positions::int[] AS positions
       FROM unnest($1::text[]) WITH ORDINALITY AS c(piece, i),
         LATERAL unnest(to_tsvector('${SEARCH_CONFIG}', c.piece || ' ${SENTINEL}')) AS v`,
      [arrayLiteral(list)],
    );
    const found: { lexeme: string; positions: number[] }[][] = list.map(() => []);
    for (const row of rows) found[Number(row.i) - 1]!.push({ lexeme: row.lexeme, positions: row.positions.map(Number) });
    list.forEach((piece, index) => {
      const entries = found[index]!;
      let taken = 0;
      for (const entry of entries) for (const position of entry.positions) taken = Math.max(taken, position - 1);
      const atPosition: number[][] = Array.from({ length: taken }, () => []);
      for (const entry of entries) {
        for (const position of entry.positions) if (position <= taken) atPosition[position - 1]!.push(lexemeId(entry.lexeme));
      }
      addPiece(piece, atPosition.flatMap((ids) => [ids.length, ...ids]));
    });
  }

  async function build(wires: readonly WireText[]): Promise<(Buffer | null)[]> {
    const missing = new Set<string>();
    const out = wires.map((wire) => vector(wire, missing));
    if (missing.size === 0) return out as (Buffer | null)[];
    await learn(missing);
    const unused = new Set<string>();
    return out.map((result, index) => {
      if (result !== UNKNOWN) return result;
      const again = vector(wires[index]!, unused);
      return again === UNKNOWN ? null : again;
    });
  }

  return {
    build,
    get pieces() {
      return pieces;
    },
  };
}

/** FNV-1a over UTF-16 code units, which the scanner computes on the fly. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The literal of a binary tsvector ('lexeme':1A,5C ...), for a connection that binds parameters as text. */
export function tsvectorLiteral(vector: Uint8Array): string {
  const bytes = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
  const entries = bytes.readInt32BE(0);
  const out: string[] = [];
  let at = 4;
  for (let i = 0; i < entries; i += 1) {
    const end = bytes.indexOf(0, at);
    const lexeme = bytes.toString("utf8", at, end);
    const positions = bytes.readUInt16BE(end + 1);
    at = end + 3;
    const list: string[] = [];
    for (let j = 0; j < positions; j += 1, at += 2) {
      const entry = bytes.readUInt16BE(at);
      list.push(`${entry & 0x3fff}${"DCBA"[entry >> 14]}`);
    }
    out.push(`'${lexeme.replace(/['\\]/g, "$&$&")}'${list.length > 0 ? `:${list.join(",")}` : ""}`);
  }
  return out.join(" ");
}
