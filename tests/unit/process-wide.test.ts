import { describe, expect, it, vi } from "vitest";

describe("processWide", () => {
  it("gives every copy of a module the same value, made once", async () => {
    const first = await import("@/lib/process-wide");
    let made = 0;
    const a = first.processWide("test.shared", () => ({ made: ++made }));
    // A second copy of the module, as Next.js's pages and route handlers each load their own.
    vi.resetModules();
    const second = await import("@/lib/process-wide");
    expect(second).not.toBe(first);
    const b = second.processWide("test.shared", () => ({ made: ++made }));
    expect(b).toBe(a);
    expect(made).toBe(1);
    expect(second.processWide("test.other", () => "other")).toBe("other");
  });
});
