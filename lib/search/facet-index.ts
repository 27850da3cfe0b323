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

const PROVIDER_SLOTS = 4;
const CODE_SLOTS = 6;
const MAX_ORD = 1 << 24; // keys pack (day, ord) into one float64 for sorting
const DAY_MS = 86_400_000;

export class FacetIndex {
  size = 0;
  /** Wires that exist and are listed (not merged). */
  readonly listed = new Bitset(1024);
  private readonly loaded = new Bitset(1024);
  day = new Int32Array(1024);
  severity = new Uint8Array(1024);
  standard = new Uint8Array(1024);
  status = new Uint8Array(1024);
  /** Per ordinal, wire.text_seq: whether the block's text postings still hold the wire as it reads. */
  textSeq = new Float64Array(1024);
  private providerSlots = new Int32Array(1024 * PROVIDER_SLOTS).fill(-1);
  private codeSlots = new Int16Array(1024 * CODE_SLOTS).fill(-1);
  private readonly overflow = new Map<number, { providers: number[]; codes: number[] }>();
  private readonly providerBits = new Map<number, Bitset>();
  private readonly codeNames: string[] = [];
  private readonly codeIds = new Map<string, number>();
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
  private globalCounts?: FacetCounts;
  seq = 0n;
  private maxProviderId = 0;
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

  /** Adds or replaces one wire. */
  apply(row: IndexRow): void {
    if (row.ord >= MAX_ORD) throw new Error(`wire ordinal ${row.ord} is beyond the index's range`);
    this.ensureCapacity(row.ord + 1);
    if (this.loaded.has(row.ord)) this.remove(row.ord);
    else this.loadedCount += 1;
    const { ord } = row;
    this.loaded.set(ord);
    this.size = Math.max(this.size, ord + 1);
    if (this.day[ord] !== row.day) this.orderDirty = true;
    this.day[ord] = row.day;
    if (row.day < this.minDay) this.minDay = row.day;
    if (row.day > this.maxDay) this.maxDay = row.day;
    this.severity[ord] = row.severity;
    this.textSeq[ord] = row.textSeq ?? 0;
    this.standard[ord] = STANDARD_CODES[row.standard];
    this.status[ord] = STATUS_CODES[row.status];
    this.severityBits[row.severity]!.set(ord);
    this.standardBits[this.standard[ord]!]!.set(ord);
    this.statusBits[this.status[ord]!]!.set(ord);
    this.bitsFor(this.yearBits, yearOfDay(row.day)).set(ord);
    if (row.status !== "MERGED") this.listed.set(ord);
    const codes = row.codes.map((code) => this.codeId(code));
    row.providers.forEach((id, i) => {
      if (id > this.maxProviderId) this.maxProviderId = id;
      this.bitsFor(this.providerBits, id).set(ord);
      if (i < PROVIDER_SLOTS) this.providerSlots[ord * PROVIDER_SLOTS + i] = id;
    });
    codes.forEach((id, i) => {
      this.codeBits[id]!.set(ord);
      if (i < CODE_SLOTS) this.codeSlots[ord * CODE_SLOTS + i] = id;
    });
    if (row.providers.length > PROVIDER_SLOTS || codes.length > CODE_SLOTS) {
      this.overflow.set(ord, { providers: row.providers.slice(PROVIDER_SLOTS), codes: codes.slice(CODE_SLOTS) });
    }
    this.globalCounts = undefined;
  }

  private remove(ord: number): void {
    this.listed.clear(ord);
    this.severityBits[this.severity[ord]!]?.clear(ord);
    this.standardBits[this.standard[ord]!]?.clear(ord);
    this.statusBits[this.status[ord]!]?.clear(ord);
    this.yearBits.get(yearOfDay(this.day[ord]!))?.clear(ord);
    this.forEachProvider(ord, (id) => this.providerBits.get(id)?.clear(ord));
    this.forEachCode(ord, (id) => this.codeBits[id]?.clear(ord));
    this.providerSlots.fill(-1, ord * PROVIDER_SLOTS, (ord + 1) * PROVIDER_SLOTS);
    this.codeSlots.fill(-1, ord * CODE_SLOTS, (ord + 1) * CODE_SLOTS);
    this.overflow.delete(ord);
  }

  private forEachProvider(ord: number, visit: (id: number) => void): void {
    forEachSlot(this.providerSlots, PROVIDER_SLOTS, ord, visit);
    this.overflow.get(ord)?.providers.forEach(visit);
  }

  private forEachCode(ord: number, visit: (id: number) => void): void {
    forEachSlot(this.codeSlots, CODE_SLOTS, ord, visit);
    this.overflow.get(ord)?.codes.forEach(visit);
  }

  private codeId(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codeNames.length;
      this.codeNames.push(code);
      this.codeIds.set(code, id);
      this.codeBits.push(this.arena.allocate());
    }
    return id;
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
    const grow = <T extends Int32Array | Uint8Array | Int16Array | Float64Array>(array: T, size: number, fill?: number): T => {
      const next = new (array.constructor as new (n: number) => T)(size);
      if (fill !== undefined) next.fill(fill);
      next.set(array);
      return next;
    };
    this.day = grow(this.day, capacity);
    this.severity = grow(this.severity, capacity);
    this.textSeq = grow(this.textSeq, capacity);
    this.standard = grow(this.standard, capacity);
    this.status = grow(this.status, capacity);
    this.providerSlots = grow(this.providerSlots, capacity * PROVIDER_SLOTS, -1);
    this.codeSlots = grow(this.codeSlots, capacity * CODE_SLOTS, -1);
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
    if (filter.codes?.length) anyOf("code", filter.codes.map((code) => this.codeBits[this.codeIds.get(code) ?? -1]));
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
   * Counts, per value of each facet in `facets`, the wires in `mask`. Two ways, chosen per facet by
   * their cost: visit each wire of the mask (cheap for small masks), or intersect the mask with each
   * value's bitset and count the bits (a cost per value, whatever the mask's size). Hot loops: typed
   * arrays, no closures.
   */
  count(mask: Bitset, facets: FacetName[]): FacetCounts {
    const want = new Set(facets);
    const members = mask.count();
    const words = mask.words.length;
    // Measured costs (ns) at a million wires: a value's bitset about 0.8 a word through the SIMD kernel
    // (it streams); a wire visited about 80 for its provider or code slots (scattered reads that miss
    // the CPU's caches) and 30 for the one-byte fields and the day.
    const perValue = (values: number, perWire: number) => values * words * 0.8 < members * perWire;
    const bitsetsFor = {
      provider: want.has("provider") && perValue(this.providerBits.size, 80),
      code: want.has("code") && perValue(this.codeBits.length, 80),
      severity: want.has("severity") && perValue(this.severityBits.length, 30),
      standard: want.has("standard") && perValue(this.standardBits.length, 30),
      status: want.has("status") && perValue(this.statusBits.length, 30),
      year: want.has("year") && perValue(this.yearBits.size, 30),
    };
    const bySeverity = want.has("severity") && !bitsetsFor.severity;
    const byStandard = want.has("standard") && !bitsetsFor.standard;
    const byStatus = want.has("status") && !bitsetsFor.status;
    const byProvider = want.has("provider") && !bitsetsFor.provider;
    const byCode = want.has("code") && !bitsetsFor.code;
    const byYear = want.has("year") && !bitsetsFor.year;
    const severity = new Float64Array(6);
    const standard = new Float64Array(3);
    const status = new Float64Array(4);
    const providerCounts = new Float64Array(this.maxProviderId + 1);
    const codeCounts = new Float64Array(this.codeNames.length);
    const yearCounts = new Map<number, number>();
    const dayCounts = byYear && this.maxDay >= this.minDay ? new Float64Array(this.maxDay - this.minDay + 1) : undefined;
    if (bySeverity || byStandard || byStatus || byProvider || byCode || byYear) {
      const { words: maskWords } = mask;
      const { providerSlots, codeSlots, day } = this;
      for (let w = 0; w < maskWords.length; w += 1) {
        let word = maskWords[w]!;
        while (word !== 0) {
          const low = word & -word;
          const ord = (w << 5) + 31 - Math.clz32(low);
          word ^= low;
          if (bySeverity) severity[this.severity[ord]!]! += 1;
          if (byStandard) standard[this.standard[ord]!]! += 1;
          if (byStatus) status[this.status[ord]!]! += 1;
          if (byProvider) {
            for (let i = ord * PROVIDER_SLOTS, end = i + PROVIDER_SLOTS; i < end && providerSlots[i]! >= 0; i += 1) providerCounts[providerSlots[i]!]! += 1;
          }
          if (byCode) {
            for (let i = ord * CODE_SLOTS, end = i + CODE_SLOTS; i < end && codeSlots[i]! >= 0; i += 1) codeCounts[codeSlots[i]!]! += 1;
          }
          if (dayCounts) dayCounts[day[ord]! - this.minDay]! += 1;
        }
      }
      for (const [ord, extra] of this.overflow) {
        if (!mask.has(ord)) continue;
        if (byProvider) for (const id of extra.providers) providerCounts[id]! += 1;
        if (byCode) for (const id of extra.codes) codeCounts[id]! += 1;
      }
    }
    // The values counted by their bitsets, all in one pass of the SIMD kernel.
    const rows: Bitset[] = [];
    const into: [counts: Float64Array | Map<number, number>, key: number][] = [];
    const add = (bits: Bitset, counts: Float64Array | Map<number, number>, key: number) => {
      rows.push(bits);
      into.push([counts, key]);
    };
    if (bitsetsFor.severity) this.severityBits.forEach((bits, value) => add(bits, severity, value));
    if (bitsetsFor.standard) this.standardBits.forEach((bits, value) => add(bits, standard, value));
    if (bitsetsFor.status) this.statusBits.forEach((bits, value) => add(bits, status, value));
    if (bitsetsFor.provider) for (const [id, bits] of this.providerBits) add(bits, providerCounts, id);
    if (bitsetsFor.code) this.codeBits.forEach((bits, id) => add(bits, codeCounts, id));
    if (bitsetsFor.year) for (const [year, bits] of this.yearBits) add(bits, yearCounts, year);
    this.arena.countShared(mask, rows).forEach((n, i) => {
      const [counts, key] = into[i]!;
      if (counts instanceof Map) {
        if (n > 0) counts.set(key, n);
      } else {
        counts[key] = n;
      }
    });
    if (dayCounts) {
      dayCounts.forEach((n, offset) => {
        if (n === 0) return;
        const year = yearOfDay(this.minDay + offset);
        yearCounts.set(year, (yearCounts.get(year) ?? 0) + n);
      });
    }
    const provider = new Map<number, number>();
    providerCounts.forEach((n, id) => n > 0 && provider.set(id, n));
    const code = new Map<string, number>();
    codeCounts.forEach((n, id) => n > 0 && code.set(this.codeNames[id]!, n));
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
    return [...this.codeNames];
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

/** The filled slots of one wire in a fixed-width slot array (-1 marks the end). */
function forEachSlot(slots: Int32Array | Int16Array, width: number, ord: number, visit: (id: number) => void): void {
  for (let i = ord * width, end = i + width; i < end && slots[i]! >= 0; i += 1) visit(slots[i]!);
}

export const dayOf = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
