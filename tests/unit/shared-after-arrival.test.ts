import { describe, expect, it } from "vitest";
import { sharedAfterArrival } from "@/lib/async/shared-after-arrival";

/** A run whose end the test decides: each call is recorded with the "version" it started at. */
function controlledRuns() {
  const runs: { startedAt: number; finish: () => void; fail: () => void }[] = [];
  const state = { version: 0 };
  const run = () =>
    new Promise<number>((resolve, reject) => {
      const startedAt = state.version;
      runs.push({ startedAt, finish: () => resolve(startedAt), fail: () => reject(new Error("read failed")) });
    });
  return { runs, state, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("sharedAfterArrival", () => {
  it("callers who come during a run share the next one, which starts after they came", async () => {
    const { runs, state, run } = controlledRuns();
    const read = sharedAfterArrival(run);
    const first = read();
    expect(runs).toHaveLength(1);
    // A change, then callers who came after it: the run under way started before it.
    state.version = 1;
    const late = [read(), read(), read()];
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    expect(await first).toBe(0);
    await tick();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.startedAt).toBe(1);
    runs[1]!.finish();
    expect(await Promise.all(late)).toEqual([1, 1, 1]);
  });

  it("a caller who comes when nothing runs starts a run of their own at once", async () => {
    const { runs, run } = controlledRuns();
    const read = sharedAfterArrival(run);
    const one = read();
    runs[0]!.finish();
    await one;
    const two = read();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    expect(await two).toBe(0);
  });

  it("a failed run fails its own callers only; the callers waiting behind it get a run of their own", async () => {
    const { runs, state, run } = controlledRuns();
    const read = sharedAfterArrival(run);
    const failing = read();
    state.version = 2;
    const waiting = read();
    runs[0]!.fail();
    await expect(failing).rejects.toThrow("read failed");
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    expect(await waiting).toBe(2);
  });
});
