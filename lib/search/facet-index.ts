import { Bitset, recycle, scratchBitset, scratchCopy } from "./bitset";
import { BitsetArena } from "./kernel/bitset-arena";
import type { SearchBlocks } from "./postings/search-blocks";

/**
 * An in-memory index of every wire's filterable fields, one bit per wire ordinal and value.
 * PostgreSQL stays the source of truth and does the full-text matching; this index answers
 * "which wires pass these filters", "how many per facet value" and "newest first" in
 * milliseconds on a million wires, where the same counts in SQL take a scan of the whole set.
 */

export const STATUS_CODES = { PUBLISHED: 0, CORRECTED: 1, WITHDRAWN: 2, MERGED: 3 } as const;
export const STANDARD_CODES = { PROVISIONAL: 0, STANDARD: 1, CONFIRMED: 2 } as const;

export type IndexRow = {
  ord: number;
  day: number;
  severity: number;
  standard: keyof typeof STANDARD_CODES;
  status: keyof typeof STATUS_CODES;
  providers: number[];
  codes: string[];
  /** The change sequence number of the wire's last text change (wire.text_seq); 0 when unknown. */
  textSeq?: number;
  /** When the wire was filed (wire.published_at), in ms since 1970; 0 when unknown. */
  filedAt?: number;
  /** When the wire last changed (wire.updated_at), in ms since 1970; 0 when unknown. */
  changedAt?: number;
};

export type IndexFilter = {
  providerIds?: number[];
  codes?: string[];
  severity?: { min: number; max: number };
  standards?: number[];
  statuses?: number[];
  fromDay?: number;
  toDay?: number;
  /** Wires matching the search text, from PostgreSQL. */
  text?: Bitset;
};

/** A filter worked out: the listed wires the text matches, and each active facet's wires. */
type FilterParts = { base: Bitset; filters: Map<FacetName, Bitset> };

export type FacetName = "provider" | "code" | "severity" | "standard" | "status" | "year";
export type FacetCounts = {
  provider: Map<number, number>;
  code: Map<string, number>;
  severity: number[];
  standard: number[];
  status: number[];
  year: Map<number, number>;
};

/**
 * Each wire's facet values packed in four 32-bit words, so that counting a wire's values reads one
 * cache line: its codes as bits of their first 32 code numbers; up to four providers, 16 bits each (the
 * provider's number in this index plus one, 0 for none); severity, standard, status and year.
 * Providers and codes that do not fit are kept in `overflow`.
 */
const FACT_WORDS = 4;
const CODES_WORD = 0;
const PROVIDERS_WORD = 1;
const FIELDS_WORD = 3;
const PROVIDER_SLOTS = 4;
const CODE_BITS = 32;
const MAX_PROVIDER_SLOT = 0xffff;
const packFields = (severity: number, standard: number, status: number, year: number) =>
  (severity | (standard << 3) | (status << 5) | ((year & 0xffff) << 16)) >>> 0;
const severityOfFields = (fields: number) => fields & 7;
const standardOfFields = (fields: number) => (fields >>> 3) & 3;
const statusOfFields = (fields: number) => (fields >>> 5) & 3;
const yearOfFields = (fields: number) => (fields << 0) >> 16;
/**
 * The costs (ns) the count chooses by, measured at a million wires: a wire visited (its packed values
 * are one scattered read that misses the CPU's caches), and a word of one value's bitset through the
 * SIMD kernel (which streams).
 */
const VISIT_NS = 150;
const WORD_NS = 0.9;
const MAX_ORD = 1 << 24; // keys pack (day, ord) into one float64 for sorting
const DAY_MS = 86_400_000;
/** Wires moved in filing order since it was sorted, past which it is sorted again rather than merged. */
const MAX_FILED_MOVES = 4_096;
/** A mask of at most this many wires is sorted by filing time itself rather than found in the filing order. */
const FEW_MATCHES = 2_048;

export class FacetIndex {
  size = 0;
  /** Wires that exist and are listed (not merged). */
  readonly listed = new Bitset(1024);
  private readonly loaded = new Bitset(1024);
  day = new Int32Array(1024);
  /** Per ordinal, wire.text_seq: whether the block's text postings still hold the wire as it reads. */
  textSeq = new Float64Array(1024);
  /** Per ordinal, the filing time (wire.published_at, ms since 1970): what feeds order by. */
  filedAt = new Float64Array(1024);
  /** Per ordinal, the last change (wire.updated_at, ms since 1970): what the sitemap dates its files by. */
  changedAt = new Float64Array(1024);
  /** Per ordinal, FACT_WORDS words: see FACT_WORDS. */
  private facts = new Uint32Array(1024 * FACT_WORDS);
  private readonly overflow = new Map<number, { providers: number[]; codes: number[] }>();
  private readonly providerBits = new Map<number, Bitset>();
  /** Providers by their number in this index (their slot in `facts` is the number plus one). */
  private readonly providerNumbers = new Numbering<number>();
  /** Codes by number: the bit of a code in `facts`, and its place in `codeBits`. */
  private readonly codeNumbers = new Numbering<string>();
  private readonly codeBits: Bitset[] = [];
  /** Every value's bitset (provider, code, severity, standard, status, year), for SIMD counting. */
  private readonly arena = new BitsetArena(1024);
  private readonly severityBits = Array.from({ length: 6 }, () => this.arena.allocate());
  private readonly standardBits = Array.from({ length: 3 }, () => this.arena.allocate());
  private readonly statusBits = Array.from({ length: 4 }, () => this.arena.allocate());
  private readonly yearBits = new Map<number, Bitset>();
  /** Ordinals newest first: by event day, then by ordinal, both descending. */
  private order = new Uint32Array(0);
  private orderDirty = false;
  /** Ordinals newest filed first: by filing time, then by ordinal, both descending. */
  private filedOrder: Uint32Array = new Uint32Array(0);
  /**
   * Wires added or refiled since `filedOrder` was sorted, with the filing time it holds them at (NaN
   * for a wire it does not hold), to merge into it; undefined: too many, sort it again.
   */
  private filedMoves?: Map<number, number>;
  private globalCounts?: FacetCounts;
  private changesByPart?: { size: number; parts: { part: number; changedAt: number }[] };
  seq = 0n;
  private loadedCount = 0;
  private minDay = Number.MAX_SAFE_INTEGER;
  private maxDay = Number.MIN_SAFE_INTEGER;
  /** A digest of the providers and codes (ids, slugs, names, labels), as of the last refresh: lib/search/taxonomy.ts. */
  taxonomy = "";
  /** The text postings' built blocks, as of the last refresh (lib/search/postings). */
  blocks: SearchBlocks = { horizons: new Map(), tokens: new Map(), key: "" };
  private readonly partsByFilter = new WeakMap<IndexFilter, FilterParts>();
  /** The first wire when the index was built: if it vanishes, the tables were reset and the index is rebuilt. */
  anchor?: { ord: number; id: string };

  /** Every wire the index holds (merged ones too): read it, do not change it. */
  loadedSet(): Bitset {
    return this.loaded;
  }

  /** Whether the index holds the wire with this ordinal. */
  has(ord: number): boolean {
    return this.loaded.has(ord);
  }

  severityOf(ord: number): number {
    return severityOfFields(this.facts[ord * FACT_WORDS + FIELDS_WORD]!);
  }

  standardOf(ord: number): number {
    return standardOfFields(this.facts[ord * FACT_WORDS + FIELDS_WORD]!);
  }

  statusOf(ord: number): number {
    return statusOfFields(this.facts[ord * FACT_WORDS + FIELDS_WORD]!);
  }

  /** The wire's codes and provider ids; empty for an unknown wire. */
  tagKeys(ord: number): { codes: string[]; providers: number[] } {
    if (!this.loaded.has(ord)) return { codes: [], providers: [] };
    const at = ord * FACT_WORDS;
    const { facts } = this;
    const codes: string[] = [];
    const providers: number[] = [];
    for (let bits = facts[at + CODES_WORD]!; bits !== 0; bits &= bits - 1) codes.push(this.codeNumbers.keys[31 - Math.clz32(bits & -bits)]!);
    for (let slot = 0; slot < PROVIDER_SLOTS; slot += 1) {
      const number = (facts[at + PROVIDERS_WORD + (slot >>> 1)]! >>> ((slot & 1) * 16)) & 0xffff;
      if (number > 0) providers.push(this.providerNumbers.keys[number - 1]!);
    }
    const extra = this.overflow.get(ord);
    extra?.codes.forEach((id) => codes.push(this.codeNumbers.keys[id]!));
    extra?.providers.forEach((id) => providers.push(id));
    return { codes, providers };
  }

  /** The bitsets of the wire's codes and of its providers (each the set of wires that share it); empty for an unknown wire. */
  tagSets(ord: number): { codes: Bitset[]; providers: Bitset[] } {
    const { codes, providers } = this.tagKeys(ord);
    return {
      codes: codes.map((code) => this.codeBits[this.codeNumbers.find(code)!]!),
      providers: providers.map((id) => this.providerBits.get(id)!),
    };
  }

  /** The wires whose status is one of `statuses` (STATUS_CODES): the caller's, to recycle when done. */
  withStatus(statuses: readonly number[]): Bitset {
    const union = scratchBitset(this.listed.capacity);
    for (const status of statuses) union.or(this.statusBits[status]!);
    return union;
  }

  /** Adds or replaces one wire. */
  apply(row: IndexRow): void {
    if (row.ord >= MAX_ORD) throw new Error(`wire ordinal ${row.ord} is beyond the index's range`);
    this.ensureCapacity(row.ord + 1);
    const known = this.loaded.has(row.ord);
    if (known) this.remove(row.ord);
    else this.loadedCount += 1;
    const { ord } = row;
    this.loaded.set(ord);
    this.size = Math.max(this.size, ord + 1);
    if (this.day[ord] !== row.day) this.orderDirty = true;
    this.day[ord] = row.day;
    if (row.day < this.minDay) this.minDay = row.day;
    if (row.day > this.maxDay) this.maxDay = row.day;
    this.textSeq[ord] = row.textSeq ?? 0;
    const filedAt = row.filedAt ?? 0;
    if (!known || this.filedAt[ord] !== filedAt) this.noteFiled(ord, known ? this.filedAt[ord]! : Number.NaN);
    this.filedAt[ord] = filedAt;
    this.changedAt[ord] = row.changedAt ?? 0;
    this.changesByPart = undefined;
    const standard = STANDARD_CODES[row.standard];
    const status = STATUS_CODES[row.status];
    const year = yearOfDay(row.day);
    const at = ord * FACT_WORDS;
    const { facts } = this;
    facts[at + FIELDS_WORD] = packFields(row.severity, standard, status, year);
    this.severityBits[row.severity]!.set(ord);
    this.standardBits[standard]!.set(ord);
    this.statusBits[status]!.set(ord);
    this.bitsFor(this.yearBits, year).set(ord);
    if (row.status !== "MERGED") this.listed.set(ord);
    const extra = { providers: [] as number[], codes: [] as number[] };
    let slot = 0;
    for (const id of new Set(row.providers)) {
      this.bitsFor(this.providerBits, id).set(ord);
      const number = this.providerNumbers.numberOf(id);
      if (slot < PROVIDER_SLOTS && number < MAX_PROVIDER_SLOT) {
        const word = at + PROVIDERS_WORD + (slot >>> 1);
        facts[word] = (facts[word]! | ((number + 1) << ((slot & 1) * 16))) >>> 0;
        slot += 1;
      } else {
        extra.providers.push(id);
      }
    }
    for (const id of new Set(row.codes.map((code) => this.codeNumber(code)))) {
      this.codeBits[id]!.set(ord);
      if (id < CODE_BITS) facts[at + CODES_WORD] = (facts[at + CODES_WORD]! | (1 << id)) >>> 0;
      else extra.codes.push(id);
    }
    if (extra.providers.length > 0 || extra.codes.length > 0) this.overflow.set(ord, extra);
    this.globalCounts = undefined;
  }

  private remove(ord: number): void {
    const at = ord * FACT_WORDS;
    const { facts } = this;
    const fields = facts[at + FIELDS_WORD]!;
    this.listed.clear(ord);
    this.severityBits[severityOfFields(fields)]?.clear(ord);
    this.standardBits[standardOfFields(fields)]?.clear(ord);
    this.statusBits[statusOfFields(fields)]?.clear(ord);
    this.yearBits.get(yearOfFields(fields))?.clear(ord);
    for (let slot = 0; slot < PROVIDER_SLOTS; slot += 1) {
      const number = (facts[at + PROVIDERS_WORD + (slot >>> 1)]! >>> ((slot & 1) * 16)) & 0xffff;
      if (number > 0) this.providerBits.get(this.providerNumbers.keys[number - 1]!)?.clear(ord);
    }
    for (let codes = facts[at + CODES_WORD]!; codes !== 0; codes &= codes - 1) this.codeBits[31 - Math.clz32(codes & -codes)]?.clear(ord);
    const extra = this.overflow.get(ord);
    extra?.providers.forEach((id) => this.providerBits.get(id)?.clear(ord));
    extra?.codes.forEach((id) => this.codeBits[id]?.clear(ord));
    facts.fill(0, at, at + FACT_WORDS);
    this.overflow.delete(ord);
  }

  private codeNumber(code: string): number {
    const number = this.codeNumbers.numberOf(code);
    if (number === this.codeBits.length) this.codeBits.push(this.arena.allocate());
    return number;
  }

  private bitsFor(map: Map<number, Bitset>, key: number): Bitset {
    let bits = map.get(key);
    if (!bits) {
      bits = this.arena.allocate();
      map.set(key, bits);
    }
    return bits;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.day.length) return;
    let capacity = this.day.length;
    while (capacity < needed) capacity *= 2;
    const grow = <T extends Int32Array | Uint32Array | Float64Array>(array: T, size: number): T => {
      const next = new (array.constructor as new (n: number) => T)(size);
      next.set(array);
      return next;
    };
    this.day = grow(this.day, capacity);
    this.textSeq = grow(this.textSeq, capacity);
    this.filedAt = grow(this.filedAt, capacity);
    this.changedAt = grow(this.changedAt, capacity);
    this.facts = grow(this.facts, capacity * FACT_WORDS);
    this.listed.grow(capacity);
    this.loaded.grow(capacity);
    this.arena.grow(capacity);
  }

  /** The wires passing every filter but `except` (for the facet counts of that facet): the caller's, to recycle when done. */
  mask(filter: IndexFilter, except?: FacetName): Bitset {
    let parts = this.partsByFilter.get(filter);
    if (!parts) {
      parts = this.filterParts(filter);
      this.partsByFilter.set(filter, parts);
    }
    const mask = scratchCopy(parts.base);
    for (const [name, bits] of parts.filters) if (name !== except) mask.and(bits);
    return mask;
  }

  /** Gives back the bitsets worked out for `filter` (see filterParts): call it when the search that made them is done. */
  release(filter: IndexFilter): void {
    const parts = this.partsByFilter.get(filter);
    if (!parts) return;
    this.partsByFilter.delete(filter);
    if (parts.base !== this.listed) recycle(parts.base);
    recycle(...parts.filters.values());
  }

  /**
   * Each active filter's wires, worked out once per filter object: the mask and the masks that leave
   * one facet out (for that facet's counts) are then intersections of these.
   */
  private filterParts(filter: IndexFilter): FilterParts {
    const base = filter.text ? scratchCopy(this.listed).and(filter.text) : this.listed;
    const parts = new Map<FacetName, Bitset>();
    const anyOf = (name: FacetName, sets: (Bitset | undefined)[]) => {
      const union = scratchBitset(this.listed.capacity);
      for (const set of sets) if (set) union.or(set);
      parts.set(name, union);
    };
    if (filter.providerIds?.length) anyOf("provider", filter.providerIds.map((id) => this.providerBits.get(id)));
    if (filter.codes?.length) anyOf("code", filter.codes.map((code) => this.codeBits[this.codeNumbers.find(code) ?? -1]));
    if (filter.severity) anyOf("severity", this.severityBits.slice(filter.severity.min, filter.severity.max + 1));
    if (filter.standards?.length) anyOf("standard", filter.standards.map((s) => this.standardBits[s]));
    if (filter.statuses?.length) anyOf("status", filter.statuses.map((s) => this.statusBits[s]));
    if (filter.fromDay !== undefined || filter.toDay !== undefined) {
      parts.set("year", this.dateRange(base, filter.fromDay ?? -Infinity, filter.toDay ?? Infinity));
    }
    return { base, filters: parts };
  }

  /**
   * The wires of `within` whose event day is in [from, to]: whole years by their bitsets, and only the
   * years the range cuts through wire by wire.
   */
  private dateRange(within: Bitset, from: number, to: number): Bitset {
    const range = scratchBitset(within.capacity);
    const { day } = this;
    for (const [year, bits] of this.yearBits) {
      const first = dayOf(`${String(year).padStart(4, "0")}-01-01`);
      const last = dayOf(`${String(year).padStart(4, "0")}-12-31`);
      if (last < from || first > to) continue;
      if (first >= from && last <= to) {
        range.or(bits);
        continue;
      }
      const edge = scratchCopy(within).and(bits);
      edge.forEach((ord) => {
        if (day[ord]! >= from && day[ord]! <= to) range.set(ord);
      });
      recycle(edge);
    }
    return range;
  }

  /**
   * Counts, per value of each facet in `facets`, the wires in `mask`. Two ways, chosen by their cost:
   * visit each wire of the mask and read its packed values (one cache line a wire, whatever the number
   * of facets), or intersect the mask with each value's bitset and count the bits (a pass over the
   * archive per value, whatever the mask's size). `members`: the mask's size, when the caller has it.
   * Hot loops: typed arrays, no closures.
   */
  count(mask: Bitset, facets: FacetName[], members = mask.count()): FacetCounts {
    const want = new Set(facets);
    const bySeverity = want.has("severity");
    const byStandard = want.has("standard");
    const byStatus = want.has("status");
    const byProvider = want.has("provider");
    const byCode = want.has("code");
    const byYear = want.has("year");
    const severity = new Float64Array(6);
    const standard = new Float64Array(3);
    const status = new Float64Array(4);
    const providerCounts = new Float64Array(this.providerNumbers.keys.length + 1);
    const codeCounts = new Float64Array(this.codeNumbers.keys.length);
    const yearCounts = new Map<number, number>();
    const values =
      (bySeverity ? this.severityBits.length : 0) +
      (byStandard ? this.standardBits.length : 0) +
      (byStatus ? this.statusBits.length : 0) +
      (byProvider ? this.providerBits.size : 0) +
      (byCode ? this.codeBits.length : 0) +
      (byYear ? this.yearBits.size : 0);
    if (members * VISIT_NS < values * mask.words.length * WORD_NS) {
      const firstYear = yearOfDay(Math.min(this.minDay, this.maxDay));
      const years = new Float64Array(this.maxDay >= this.minDay ? yearOfDay(this.maxDay) - firstYear + 1 : 0);
      // Every facet is counted, wanted or not: one loop without branches on the facets is quicker.
      visitFacts(mask.words, this.facts, { codes: codeCounts, providers: providerCounts, severity, standard, status, years, firstYear });
      for (const [ord, extra] of this.overflow) {
        if (!mask.has(ord)) continue;
        if (byProvider) for (const id of extra.providers) providerCounts[this.providerNumbers.find(id)! + 1]! += 1;
        if (byCode) for (const id of extra.codes) codeCounts[id]! += 1;
      }
      if (byYear) years.forEach((n, i) => n > 0 && yearCounts.set(firstYear + i, n));
      for (const [wanted, counts] of [[bySeverity, severity], [byStandard, standard], [byStatus, status], [byProvider, providerCounts], [byCode, codeCounts]] as const) {
        if (!wanted) counts.fill(0);
      }
    } else {
      // Every value's bitset against the mask, in one pass of the SIMD kernel.
      const rows: Bitset[] = [];
      const into: [counts: Float64Array | Map<number, number>, key: number][] = [];
      const add = (bits: Bitset, counts: Float64Array | Map<number, number>, key: number) => {
        rows.push(bits);
        into.push([counts, key]);
      };
      if (bySeverity) this.severityBits.forEach((bits, value) => add(bits, severity, value));
      if (byStandard) this.standardBits.forEach((bits, value) => add(bits, standard, value));
      if (byStatus) this.statusBits.forEach((bits, value) => add(bits, status, value));
      if (byProvider) for (const [id, bits] of this.providerBits) add(bits, providerCounts, this.providerNumbers.find(id)! + 1);
      if (byCode) this.codeBits.forEach((bits, id) => add(bits, codeCounts, id));
      if (byYear) for (const [year, bits] of this.yearBits) add(bits, yearCounts, year);
      this.arena.countShared(mask, rows).forEach((n, i) => {
        const [counts, key] = into[i]!;
        if (counts instanceof Map) {
          if (n > 0) counts.set(key, n);
        } else {
          counts[key] = n;
        }
      });
    }
    const provider = new Map<number, number>();
    providerCounts.forEach((n, number) => number > 0 && n > 0 && provider.set(this.providerNumbers.keys[number - 1]!, n));
    const code = new Map<string, number>();
    codeCounts.forEach((n, id) => n > 0 && code.set(this.codeNumbers.keys[id]!, n));
    return { provider, code, severity: [...severity], standard: [...standard], status: [...status], year: yearCounts };
  }

  /** Facet counts over every listed wire, kept until the index changes. */
  allCounts(): FacetCounts {
    this.globalCounts ??= this.count(this.listed, ["provider", "code", "severity", "standard", "status", "year"]);
    return this.globalCounts;
  }

  /** Ordinals newest first (event day, then ordinal, descending). */
  newestFirst(): Uint32Array {
    if (this.orderDirty || this.order.length !== this.loadedCount) {
      const keys: number[] = [];
      this.loaded.forEach((ord) => keys.push(this.day[ord]! * MAX_ORD + ord));
      const sorted = Float64Array.from(keys).sort();
      this.order = new Uint32Array(sorted.length);
      for (let i = 0; i < sorted.length; i += 1) this.order[i] = ((sorted[sorted.length - 1 - i]! % MAX_ORD) + MAX_ORD) % MAX_ORD; // days before 1970 make negative keys
      this.orderDirty = false;
    }
    return this.order;
  }

  /**
   * The wires of `mask` in newest-first order (as newestFirst): when they are few, sorted by themselves
   * rather than found in the order of the whole archive. A new array, the caller's.
   */
  newestFirstOf(mask: Bitset, members = mask.count()): Uint32Array {
    if (members > FEW_MATCHES) {
      const order = this.newestFirst();
      const out = new Uint32Array(members);
      let at = 0;
      for (let i = 0; i < order.length && at < members; i += 1) if (mask.has(order[i]!)) out[at++] = order[i]!;
      return at === members ? out : out.slice(0, at);
    }
    const keys: number[] = [];
    mask.forEach((ord) => this.loaded.has(ord) && keys.push(this.day[ord]! * MAX_ORD + ord));
    const sorted = Float64Array.from(keys).sort();
    const out = new Uint32Array(sorted.length);
    for (let i = 0; i < sorted.length; i += 1) out[i] = ((sorted[sorted.length - 1 - i]! % MAX_ORD) + MAX_ORD) % MAX_ORD;
    return out;
  }

  /** Where (day, ord) sits in newest-first order: the index of the first entry after it. */
  positionAfter(day: number, ord: number): number {
    const order = this.newestFirst();
    const key = day * MAX_ORD + ord;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const o = order[mid]!;
      if (this.day[o]! * MAX_ORD + o > key) lo = mid + 1;
      else hi = mid;
    }
    return lo < order.length && order[lo] === ord ? lo + 1 : lo;
  }

  codeList(): string[] {
    return [...this.codeNumbers.keys];
  }

  /**
   * Ordinals newest filed first: by filing time, then by ordinal, both descending. Sorted once, then kept
   * by merging in the few wires added or refiled since; replaced, never rewritten, so a caller may hold it.
   */
  newestFiledFirst(): Uint32Array {
    const moves = this.filedMoves;
    if (moves && moves.size === 0 && this.filedOrder.length === this.loadedCount) return this.filedOrder;
    this.filedOrder = (moves && this.filedOrder.length > 0 && this.mergeFiled(moves)) || sortByFiling(this.loaded, this.filedAt);
    this.filedMoves = new Map();
    return this.filedOrder;
  }

  /**
   * The first `limit` wires of `mask` newest filed first (as newestFiledFirst), then every further one
   * filed at the very time of the last of them: whoever breaks ties in filing time otherwise (SQL, by
   * id) finds its `limit` among these. `members`: the mask's size, when the caller has it.
   */
  newestFiled(mask: Bitset, limit: number, members = mask.count()): number[] {
    if (limit <= 0 || members === 0) return [];
    const { filedAt } = this;
    const picked: number[] = [];
    if (members <= FEW_MATCHES) {
      mask.forEach((ord) => this.loaded.has(ord) && picked.push(ord));
      picked.sort((a, b) => filedAt[b]! - filedAt[a]! || b - a);
      if (picked.length <= limit) return picked;
      const last = filedAt[picked[limit - 1]!]!;
      let end = limit;
      while (end < picked.length && filedAt[picked[end]!] === last) end += 1;
      return picked.slice(0, end);
    }
    const order = this.newestFiledFirst();
    let last = Number.NaN;
    for (let i = 0; i < order.length; i += 1) {
      const ord = order[i]!;
      if (picked.length >= limit && filedAt[ord]! !== last) break;
      if (!mask.has(ord)) continue;
      picked.push(ord);
      if (picked.length === limit) last = filedAt[ord]!;
    }
    return picked;
  }

  /**
   * For each run of `size` ordinals that lists a wire (part n holds ordinals ((n-1)·size, n·size]), the
   * part and its newest change (ms since 1970), in part order: what the sitemap's index dates its files
   * by. Kept until the index changes.
   */
  lastChangeByPart(size: number): { part: number; changedAt: number }[] {
    if (this.changesByPart?.size === size) return this.changesByPart.parts;
    const parts: { part: number; changedAt: number }[] = [];
    const { changedAt } = this;
    const { words } = this.listed;
    let part = 0;
    let newest = -Infinity;
    // Ordinals in increasing order, so parts come one after the other.
    for (let w = 0; w < words.length; w += 1) {
      for (let word = words[w]!; word !== 0; word &= word - 1) {
        const ord = (w << 5) + 31 - Math.clz32(word & -word);
        // Numbered as SQL's integer division does it, toward zero (ordinals start at 1).
        const of = Math.trunc((ord - 1) / size) + 1;
        if (of !== part) {
          if (part !== 0) parts.push({ part, changedAt: newest });
          part = of;
          newest = -Infinity;
        }
        if (changedAt[ord]! > newest) newest = changedAt[ord]!;
      }
    }
    if (part !== 0) parts.push({ part, changedAt: newest });
    this.changesByPart = { size, parts };
    return parts;
  }

  private noteFiled(ord: number, was: number): void {
    const moves = this.filedMoves;
    if (!moves || moves.has(ord)) return;
    moves.set(ord, was);
    if (moves.size > MAX_FILED_MOVES) this.filedMoves = undefined;
  }

  /**
   * The filing order with `moves` taken out of their old places and put in at their new ones, both found
   * by binary search, and the runs between copied whole: a few milliseconds at a million wires, where a
   * pass reading every wire's time took ten times as long. Undefined if the order does not hold what
   * `moves` says it holds (then it is sorted again).
   */
  private mergeFiled(moves: Map<number, number>): Uint32Array | undefined {
    const { filedAt } = this;
    const old = this.filedOrder;
    // The time each wire of `old` was sorted by: for the moved ones, the time they had then.
    const sortedAt = (ord: number) => moves.get(ord) ?? filedAt[ord]!;
    /** The index in `old` of the first wire that is not newer than (time, ord). */
    const place = (time: number, ord: number) => {
      let lo = 0;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const at = sortedAt(old[mid]!);
        if (at > time || (at === time && old[mid]! > ord)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Where each moved wire leaves `old` (if it was there) and where it enters.
    const events: { at: number; ord: number; leaves: boolean }[] = [];
    for (const [ord, was] of moves) {
      if (!Number.isNaN(was)) {
        const at = place(was, ord);
        if (old[at] !== ord) return undefined;
        events.push({ at, ord, leaves: true });
      }
      if (this.loaded.has(ord)) events.push({ at: place(filedAt[ord]!, ord), ord, leaves: false });
    }
    // By place; at one place the arrivals first (newest first), then the departure of the wire there.
    events.sort((a, b) => a.at - b.at || Number(a.leaves) - Number(b.leaves) || filedAt[b.ord]! - filedAt[a.ord]! || b.ord - a.ord);
    const order = new Uint32Array(this.loadedCount);
    let length = 0;
    let from = 0;
    for (const event of events) {
      order.set(old.subarray(from, event.at), length);
      length += event.at - from;
      from = event.at;
      if (event.leaves) from += 1;
      else order[length++] = event.ord;
    }
    order.set(old.subarray(from), length);
    length += old.length - from;
    return length === order.length ? order : undefined;
  }
}

/**
 * The ordinals of `loaded` by filing time, then ordinal, both descending: a least-significant-digit radix
 * sort on the time (16 bits a pass), stable, over ordinals taken in increasing order. A comparison sort of
 * a million wires takes twice as long.
 */
function sortByFiling(loaded: Bitset, filedAt: Float64Array): Uint32Array {
  let ords = new Uint32Array(loaded.count());
  let at = 0;
  loaded.forEach((ord) => (ords[at++] = ord));
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < ords.length; i += 1) {
    const time = filedAt[ords[i]!]!;
    if (time < min) min = time;
    if (time > max) max = time;
  }
  // The time since the earliest, as two 32-bit halves moved along with the ordinals (sequential reads).
  let low = new Uint32Array(ords.length);
  let high = new Uint32Array(ords.length);
  for (let i = 0; i < ords.length; i += 1) {
    const since = filedAt[ords[i]!]! - min;
    low[i] = since % 0x1_0000_0000;
    high[i] = Math.floor(since / 0x1_0000_0000);
  }
  let spareOrds = new Uint32Array(ords.length);
  let spareLow = new Uint32Array(ords.length);
  let spareHigh = new Uint32Array(ords.length);
  const counts = new Uint32Array(0x1_0000);
  for (let shift = 0; shift < 64 && 2 ** shift <= max - min; shift += 16) {
    const digits = shift < 32 ? low : high;
    const bits = shift & 31;
    counts.fill(0);
    for (let i = 0; i < ords.length; i += 1) counts[(digits[i]! >>> bits) & 0xffff]! += 1;
    let sum = 0;
    for (let d = 0; d < counts.length; d += 1) {
      const n = counts[d]!;
      counts[d] = sum;
      sum += n;
    }
    for (let i = 0; i < ords.length; i += 1) {
      const to = counts[(digits[i]! >>> bits) & 0xffff]!++;
      spareOrds[to] = ords[i]!;
      spareLow[to] = low[i]!;
      spareHigh[to] = high[i]!;
    }
    [ords, spareOrds] = [spareOrds, ords];
    [low, spareLow] = [spareLow, low];
    [high, spareHigh] = [spareHigh, high];
  }
  return ords.reverse();
}


/** Numbers 0, 1, 2… given to keys in the order they are first seen. */
class Numbering<K> {
  readonly keys: K[] = [];
  private readonly numbers = new Map<K, number>();

  find(key: K): number | undefined {
    return this.numbers.get(key);
  }

  numberOf(key: K): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, number);
    }
    return number;
  }
}

type FactCounts = {
  codes: Float64Array;
  providers: Float64Array;
  severity: Float64Array;
  standard: Float64Array;
  status: Float64Array;
  years: Float64Array;
  firstYear: number;
};

/** Adds each wire of the mask's packed values (FACT_WORDS) to the counts. */
function visitFacts(words: Uint32Array, facts: Uint32Array, counts: FactCounts): void {
  const { codes: codeCounts, providers, severity, standard, status, years, firstYear } = counts;
  for (let w = 0; w < words.length; w += 1) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      const at = ((w << 5) + 31 - Math.clz32(low)) * FACT_WORDS;
      word ^= low;
      for (let codes = facts[at + CODES_WORD]!; codes !== 0; codes &= codes - 1) codeCounts[31 - Math.clz32(codes & -codes)]! += 1;
      const first = facts[at + PROVIDERS_WORD]!;
      const second = facts[at + PROVIDERS_WORD + 1]!;
      // Empty slots count in providers[0], which stands for no provider.
      providers[first & 0xffff]! += 1;
      providers[first >>> 16]! += 1;
      providers[second & 0xffff]! += 1;
      providers[second >>> 16]! += 1;
      const fields = facts[at + FIELDS_WORD]!;
      severity[severityOfFields(fields)]! += 1;
      standard[standardOfFields(fields)]! += 1;
      status[statusOfFields(fields)]! += 1;
      years[yearOfFields(fields) - firstYear]! += 1;
    }
  }
}

const yearsByDay = new Map<number, number>();

/** The calendar year of a day number (days since 1970-01-01, UTC). */
function yearOfDay(day: number): number {
  let year = yearsByDay.get(day);
  if (year === undefined) {
    year = new Date(day * DAY_MS).getUTCFullYear();
    yearsByDay.set(day, year);
  }
  return year;
}


export const dayOf = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
