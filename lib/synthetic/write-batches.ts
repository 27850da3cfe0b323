import type { Statement } from "./batch-statement";
import type { SqlSession } from "./sql-session";

export type BatchSource = {
  /** How many batches there are. */
  batches: number;
  /** Builds batch `n` (in order, 0 first): its statement and how many wires it holds. */
  build(n: number): Promise<{ statement: Statement; wires: number }>;
};

/**
 * Builds batches one after the other and hands each to an idle session, so the next batch is being
 * built while earlier ones are written, on as many connections as there are sessions. The first
 * failure stops the run, and so does `signal` (after the batches in flight); batches already
 * committed stay, each whole.
 */
export async function writeBatches(
  sessions: readonly SqlSession[],
  source: BatchSource,
  onCommitted: (wires: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const idle = [...sessions];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (let n = 0; n < source.batches && !failure && !signal?.aborted; n += 1) {
    const batch = await source.build(n);
    while (idle.length === 0) await Promise.race(running);
    if (failure) break;
    const session = idle.pop()!;
    const write: Promise<void> = session
      .execute(batch.statement.sql, batch.statement.params)
      .then(
        () => onCommitted(batch.wires),
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        idle.push(session);
        running.delete(write);
      });
    running.add(write);
    // Let finished writes report (and free their session) before building the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
