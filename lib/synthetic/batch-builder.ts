import { batchStatement, type ArrayEncoding, type Statement } from "./batch-statement";
import { buildWire, type SyntheticWire } from "./build-wire";
import { createGenerationPlan, type RankedProvider } from "./generation-plan";
import { createNewHeadlineWords } from "./new-headline-words";
import { createSearchVectorBuilder } from "./search-vector-builder";
import type { SqlSession } from "./sql-session";
import { FIRST_SYNTHETIC_NUMBER } from "./wire-tables";

/** What building a run's batches depends on, read from the archive before the first batch. */
export type BatchPlan = {
  seed: number;
  /** Most tagged first. */
  providers: RankedProvider[];
  /** Most used first. */
  codes: string[];
  /** The next free number of each year that has synthetic wires already. */
  nextNumbers: [year: number, number: number][];
  /** The generation index of the run's first wire. */
  firstIndex: number;
  count: number;
  batchSize: number;
  /** The first revision's reason. */
  reason: string;
  arrays: ArrayEncoding;
};

export type BuiltBatch = {
  statement: Statement;
  wires: number;
  /** Wires of the batch whose search vector was built here (the database computes the others'). */
  builtVectors: number;
};

export function batchCount(plan: BatchPlan): number {
  return Math.ceil(plan.count / plan.batchSize);
}

/**
 * Builds the run's batches, which must be asked for in order (0 first): wire numbers are handed out
 * per year in generation order. `lookup` lets the search vector builder ask PostgreSQL to parse the
 * pieces of text it has not seen yet.
 */
export function createBatchBuilder(plan: BatchPlan, lookup: SqlSession): (n: number) => Promise<BuiltBatch> {
  const generation = createGenerationPlan(plan.seed, plan.providers, plan.codes);
  const next = new Map(plan.nextNumbers);
  const allocate = (year: number) => {
    const number = next.get(year) ?? FIRST_SYNTHETIC_NUMBER;
    next.set(year, number + 1);
    return number;
  };
  const vectors = createSearchVectorBuilder(lookup);
  const newHeadlineWords = createNewHeadlineWords();
  let expected = 0;
  return async (n) => {
    if (n !== expected) throw new Error(`batch ${n} asked for before batch ${expected}`);
    expected += 1;
    const wires: SyntheticWire[] = [];
    const end = Math.min(plan.count, (n + 1) * plan.batchSize);
    for (let i = n * plan.batchSize; i < end; i += 1) wires.push(buildWire(generation, plan.firstIndex + i, allocate));
    const searchVectors = await vectors.build(wires);
    return {
      statement: batchStatement(wires, plan.reason, searchVectors, plan.arrays, newHeadlineWords(wires.map((wire) => wire.headline))),
      wires: wires.length,
      builtVectors: searchVectors.filter((vector) => vector !== null).length,
    };
  };
}
