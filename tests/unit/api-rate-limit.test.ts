import { beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens, takeApiToken } from "@/lib/api/rate-limit";

const T0 = 1_800_000_000_000;

beforeEach(resetApiTokens);

describe("takeApiToken: a token bucket per address", () => {
  test("a full budget as a burst, then refused with the wait until the next token", () => {
    const decisions = Array.from({ length: 60 }, () => takeApiToken("a", 60, T0));
    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(decisions.map((decision) => decision.remaining).slice(-3)).toEqual([2, 1, 0]);
    const refused = takeApiToken("a", 60, T0);
    // Sixty a minute: one a second.
    expect(refused).toMatchObject({ allowed: false, limit: 60, remaining: 0, retryAfter: 1 });
  });

  test("refills smoothly: one token per 60/limit seconds, never above the limit", () => {
    for (let n = 0; n < 6; n += 1) takeApiToken("b", 6, T0);
    expect(takeApiToken("b", 6, T0)).toMatchObject({ allowed: false, retryAfter: 10 });
    expect(takeApiToken("b", 6, T0 + 4_000)).toMatchObject({ allowed: false, retryAfter: 6 });
    expect(takeApiToken("b", 6, T0 + 10_000)).toMatchObject({ allowed: true, remaining: 0 });
    // An hour later the bucket holds six, not three hundred and sixty.
    const later = T0 + 3_600_000;
    const burst = Array.from({ length: 7 }, () => takeApiToken("b", 6, later).allowed);
    expect(burst).toEqual([true, true, true, true, true, true, false]);
  });

  test("a refused request costs nothing: waiting is enough", () => {
    for (let n = 0; n < 2; n += 1) takeApiToken("c", 2, T0);
    for (let n = 0; n < 50; n += 1) expect(takeApiToken("c", 2, T0 + n).allowed).toBe(false);
    expect(takeApiToken("c", 2, T0 + 30_000).allowed).toBe(true);
  });

  test("addresses do not share", () => {
    takeApiToken("d", 1, T0);
    expect(takeApiToken("d", 1, T0).allowed).toBe(false);
    expect(takeApiToken("e", 1, T0).allowed).toBe(true);
  });

  test("reset: seconds until the bucket is full again", () => {
    expect(takeApiToken("f", 120, T0)).toMatchObject({ remaining: 119, resetAfter: 1 });
    for (let n = 0; n < 59; n += 1) takeApiToken("f", 120, T0);
    expect(takeApiToken("f", 120, T0).resetAfter).toBe(31);
  });

  test("a limit of 0 turns limiting off", () => {
    for (let n = 0; n < 1000; n += 1) expect(takeApiToken("g", 0, T0).allowed).toBe(true);
  });

  test("memory stays bounded however many addresses come: the least recently seen are forgotten", () => {
    takeApiToken("first", 1, T0);
    for (let n = 0; n < 10_000; n += 1) takeApiToken(`10.0.${n >> 8}.${n & 255}`, 1, T0);
    // "first" was forgotten, so it starts again with a full bucket; a recent address was not.
    expect(takeApiToken("first", 1, T0).allowed).toBe(true);
    expect(takeApiToken("10.0.39.15", 1, T0).allowed).toBe(false);
  });
});
