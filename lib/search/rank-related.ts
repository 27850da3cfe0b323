import { Bitset, popcount, recycle, scratchBitset } from "./bitset";

/** A value the wire has (one of its codes or providers): the wires that share it, and what sharing it is worth. */
export type SharedTag = { bits: Bitset; weight: 1 | 2 | 4 | 8 };

export type RelatedInput = {
  tags: SharedTag[];
  /** The wires that may be related (published or corrected, not the wire itself). */
  eligible: Bitset;
  /** Every wire's ordinal, newest first by event day (FacetIndex.newestFirst). */
  order: Uint32Array;
  /** Event day by ordinal. */
  day: Int32Array;
  /** The wire's event day, and its place in `order` (-1 when it has none). */
  self: { day: number; position: number };
  /** How many related wires are wanted. */
  wanted: number;
};

/** A candidate: its points (the weights of the tags it shares) and its distance in days. */
export type RelatedCandidate = { ord: number; score: number; distance: number };

/** Below this many members, a tier is sorted by distance outright; above, it is met by walking outward in time. */
const SORT_BELOW = 4_096;

/**
 * The best `wanted` wires by points (descending), then by distance in days (ascending), with every
 * wire tied with the last one on both: the caller breaks those ties (by id) and cuts. Bounded work:
 * the points of every wire are added up as bit planes, one pass over each tag's bitset (a word holds
 * 32 wires); the tiers of equal points are counted from the best down until enough wires are found;
 * and the last tier needed is searched outward in time from the wire, which meets its members at a
 * rate set by the tier's density, or, when it is small, sorted. Nothing is read per wire of a tag
 * (a common code is shared by half the archive).
 */
export function rankRelated(input: RelatedInput): RelatedCandidate[] {
  const { tags, eligible, wanted } = input;
  const maxScore = tags.reduce((sum, tag) => sum + tag.weight, 0);
  if (wanted <= 0 || maxScore === 0) return [];
  const length = eligible.words.length;
  // Four planes hold points up to 15 (most wires); more tags than that take as many as they need.
  const planes = Array.from({ length: Math.max(4, 32 - Math.clz32(maxScore)) }, () => scratchBitset(length * 32));
  try {
    addPlanes(planes, tags, eligible.words);
    const out: RelatedCandidate[] = [];
    const tier = scratchBitset(length * 32);
    try {
      for (let score = maxScore; score > 0 && out.length < wanted; score -= 1) {
        const members = selectTier(planes, score, tier.words);
        if (members === 0) continue;
        const need = wanted - out.length;
        if (members <= need) tier.forEach((ord) => out.push({ ord, score, distance: Math.abs(input.day[ord]! - input.self.day) }));
        else out.push(...nearest(input, tier, members, need, score));
      }
    } finally {
      recycle(tier);
    }
    return out;
  } finally {
    recycle(...planes);
  }
}

/**
 * Adds each tag's weight to its members' points, kept as bit planes (plane p holds bit p of every
 * wire's points), with a ripple carry per word: a handful of operations per 32 wires and tag. With
 * four planes (points up to 15: most wires), word by word with the planes in registers.
 */
function addPlanes(planes: Bitset[], tags: SharedTag[], eligible: Uint32Array): void {
  const words = planes.map((plane) => plane.words);
  if (words.length === 4 && tags.every((tag) => tag.weight <= 2)) {
    addPlanes4(words as [Uint32Array, Uint32Array, Uint32Array, Uint32Array], tags, eligible);
    return;
  }
  for (const { bits, weight } of tags) {
    const shift = 31 - Math.clz32(weight);
    const tagWords = bits.words;
    const n = Math.min(tagWords.length, eligible.length);
    for (let i = 0; i < n; i += 1) {
      let carry = tagWords[i]! & eligible[i]!;
      for (let p = shift; carry !== 0 && p < words.length; p += 1) {
        const plane = words[p]!;
        const before = plane[i]!;
        plane[i] = before ^ carry;
        carry = before & carry;
      }
    }
  }
}

function addPlanes4([out0, out1, out2, out3]: [Uint32Array, Uint32Array, Uint32Array, Uint32Array], tags: SharedTag[], eligible: Uint32Array): void {
  const twos = tags.filter((tag) => tag.weight === 2).map((tag) => tag.bits.words);
  const ones = tags.filter((tag) => tag.weight === 1).map((tag) => tag.bits.words);
  const n = Math.min(eligible.length, ...tags.map((tag) => tag.bits.words.length));
  for (let i = 0; i < n; i += 1) {
    const e = eligible[i]!;
    if (e === 0) continue;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let k = 0; k < twos.length; k += 1) {
      const t = twos[k]![i]! & e;
      const c2 = p1 & t;
      p1 ^= t;
      const c3 = p2 & c2;
      p2 ^= c2;
      p3 ^= c3;
    }
    for (let k = 0; k < ones.length; k += 1) {
      const t = ones[k]![i]! & e;
      const c1 = p0 & t;
      p0 ^= t;
      const c2 = p1 & c1;
      p1 ^= c1;
      const c3 = p2 & c2;
      p2 ^= c2;
      p3 ^= c3;
    }
    out0[i] = p0;
    out1[i] = p1;
    out2[i] = p2;
    out3[i] = p3;
  }
}

/** Fills `into` with the wires whose points are exactly `score`; returns how many there are. */
function selectTier(planes: Bitset[], score: number, into: Uint32Array): number {
  let count = 0;
  if (planes.length === 4) {
    // All four planes in one pass: a mask per plane that keeps the bit where the score has it.
    const [a, b, c, d] = planes.map((plane) => plane.words) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    const x0 = score & 1 ? 0 : -1;
    const x1 = score & 2 ? 0 : -1;
    const x2 = score & 4 ? 0 : -1;
    const x3 = score & 8 ? 0 : -1;
    for (let i = 0; i < into.length; i += 1) {
      const word = (a[i]! ^ x0) & (b[i]! ^ x1) & (c[i]! ^ x2) & (d[i]! ^ x3);
      into[i] = word;
      if (word !== 0) count += popcount(word);
    }
    return count;
  }
  into.fill(0xffffffff);
  for (let p = 0; p < planes.length; p += 1) {
    const plane = planes[p]!.words;
    if ((score >>> p) & 1) for (let i = 0; i < into.length; i += 1) into[i]! &= plane[i]!;
    else for (let i = 0; i < into.length; i += 1) into[i]! &= ~plane[i]!;
  }
  for (let i = 0; i < into.length; i += 1) if (into[i] !== 0) count += popcount(into[i]!);
  return count;
}

/** The `need` members of `tier` nearest in time to the wire, and every member tied with the last of them. */
function nearest(input: RelatedInput, tier: Bitset, members: number, need: number, score: number): RelatedCandidate[] {
  const { day, order, self } = input;
  const found: RelatedCandidate[] = [];
  if (members < SORT_BELOW || self.position < 0) {
    tier.forEach((ord) => found.push({ ord, score, distance: Math.abs(day[ord]! - self.day) }));
    found.sort((a, b) => a.distance - b.distance);
    const last = found[need - 1]!.distance;
    let end = need;
    while (end < found.length && found[end]!.distance === last) end += 1;
    return found.slice(0, end);
  }
  // Outward from the wire's place: `newer` walks toward the newest wires, `older` away from them;
  // each step takes the side whose next wire is nearer in time.
  let newer = self.position - 1;
  let older = self.position + 1;
  let limit = Number.POSITIVE_INFINITY;
  for (;;) {
    const newerDistance = newer >= 0 ? day[order[newer]!]! - self.day : Number.POSITIVE_INFINITY;
    const olderDistance = older < order.length ? self.day - day[order[older]!]! : Number.POSITIVE_INFINITY;
    const distance = Math.min(newerDistance, olderDistance);
    if (distance > limit || distance === Number.POSITIVE_INFINITY) return found;
    const ord = newerDistance <= olderDistance ? order[newer--]! : order[older++]!;
    if (!tier.has(ord)) continue;
    found.push({ ord, score, distance });
    if (found.length === need) limit = distance;
  }
}
