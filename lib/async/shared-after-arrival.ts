/**
 * `run` shared among callers who come together, each getting a run that started after they came: a
 * caller who comes while a run is under way waits for it to end, then shares the next one with everyone
 * else who came meanwhile. For reads that must see every change committed before the caller asked (a
 * run already under way might not), at the cost of waiting for at most two runs, and with one run for
 * each batch of callers instead of one each.
 */
export function sharedAfterArrival<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const started = run().finally(() => {
      if (current === started) current = undefined;
    });
    current = started;
    return started;
  };
  return () => {
    if (!current) return start();
    next ??= current
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
