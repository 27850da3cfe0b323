import { Bitset, popcount } from "../bitset";
import { POPCOUNT_WASM } from "./popcount-wasm";

type Kernel = { countShared(a: number, b: number, bytes: number): number };

const PAGE = 65_536;
let compiled: WebAssembly.Module | null | undefined;

/** The SIMD kernel's module, compiled once per process; null where WebAssembly SIMD is missing. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = new WebAssembly.Module(Buffer.from(POPCOUNT_WASM, "base64"));
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * Bitsets that live in one WebAssembly memory, so that "how many wires do this set and the mask share"
 * runs as SIMD popcounts: the facet counts of a million wires take a millisecond or two instead of
 * ten. Every row has the same capacity; `grow` widens them all. The Bitset objects stay valid across
 * a re-layout (their `words` are pointed at the new memory). Without WebAssembly SIMD, plain JavaScript.
 */
export class BitsetArena {
  private readonly rows: Bitset[] = [];
  private rowBytes = 16;
  private memory?: WebAssembly.Memory;
  private kernel?: Kernel;
  /** Where the mask is copied to before counting: row -1. */
  private scratch?: Uint32Array;

  constructor(capacity: number) {
    this.rowBytes = bytesFor(capacity);
  }

  get capacity(): number {
    return this.rowBytes * 8;
  }

  /** A new empty bitset in the arena. */
  allocate(): Bitset {
    const bits = new Bitset(0);
    this.rows.push(bits);
    this.layout(this.rowBytes, this.rows.length - 1);
    return bits;
  }

  /** Widens every row to hold `capacity` bits, keeping what they hold. */
  grow(capacity: number): void {
    const bytes = bytesFor(capacity);
    if (bytes > this.rowBytes) this.layout(bytes, this.rows.length);
  }

  /** How many members `mask` shares with each of `rows` (arena bitsets). */
  countShared(mask: Bitset, rows: readonly Bitset[]): number[] {
    const { kernel, scratch } = this;
    if (!kernel || !scratch) return rows.map((row) => sharedInJs(mask, row));
    const words = Math.min(mask.words.length, scratch.length);
    scratch.set(words === mask.words.length ? mask.words : mask.words.subarray(0, words));
    scratch.fill(0, words);
    const bytes = this.rowBytes;
    return rows.map((row) => kernel.countShared(scratch.byteOffset, row.words.byteOffset, bytes));
  }

  /**
   * Points every row at its place in memory, `rowBytes` each after the scratch row; copies the rows
   * that existed before (all but those from `fresh` on, which start empty).
   */
  private layout(rowBytes: number, fresh: number): void {
    const needed = rowBytes * (this.rows.length + 1);
    const sameShape = rowBytes === this.rowBytes && this.memory && this.memory.buffer.byteLength >= needed;
    const module = kernelModule();
    if (!sameShape) {
      const pages = Math.ceil((needed * 1.5) / PAGE) + 1;
      const previous = this.rows.slice(0, fresh).map((row) => row.words);
      if (module) {
        this.memory = new WebAssembly.Memory({ initial: pages });
        this.kernel = new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports as unknown as Kernel;
      }
      this.rowBytes = rowBytes;
      const buffer = this.memory?.buffer;
      this.scratch = buffer ? new Uint32Array(buffer, 0, rowBytes / 4) : undefined;
      this.rows.forEach((row, i) => {
        row.words = buffer ? new Uint32Array(buffer, rowBytes * (i + 1), rowBytes / 4) : new Uint32Array(rowBytes / 4);
        if (i < fresh) row.words.set(previous[i]!);
      });
      return;
    }
    const buffer = this.memory!.buffer;
    for (let i = fresh; i < this.rows.length; i += 1) this.rows[i]!.words = new Uint32Array(buffer, rowBytes * (i + 1), rowBytes / 4);
  }
}

/** Row sizes are whole 16-byte vectors. */
const bytesFor = (capacity: number) => Math.max(16, Math.ceil(capacity / 128) * 16);

function sharedInJs(a: Bitset, b: Bitset): number {
  const x = a.words;
  const y = b.words;
  const n = Math.min(x.length, y.length);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const word = x[i]! & y[i]!;
    if (word !== 0) total += popcount(word);
  }
  return total;
}
