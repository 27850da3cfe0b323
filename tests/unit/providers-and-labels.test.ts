import { describe, expect, test } from "vitest";
import { formatDate, formatLongDate, formatMonth } from "@/lib/format/format-date";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";
import { sourcingLine } from "@/lib/wires/labels";

describe("normalizeProviderName", () => {
  test("spellings of one name agree", () => {
    const forms = ["Open AI", "openai", "OPEN-AI", "OpenAI", " open.ai ", "Open_AI"].map(normalizeProviderName);
    expect(new Set(forms)).toEqual(new Set(["openai"]));
  });

  test("accents and compatibility forms fold", () => {
    expect(normalizeProviderName("Café AI")).toBe(normalizeProviderName("cafe ai"));
    expect(normalizeProviderName("ＯｐｅｎＡＩ")).toBe("openai");
  });

  test("different names stay different", () => {
    expect(normalizeProviderName("OpenAI")).not.toBe(normalizeProviderName("Open AI Labs"));
    expect(normalizeProviderName("Stability AI")).not.toBe(normalizeProviderName("Stability"));
    expect(normalizeProviderName("Google")).not.toBe(normalizeProviderName("Adobe"));
  });
});

describe("sourcingLine", () => {
  test("counts sources in words a reader expects", () => {
    expect(sourcingLine(2, "STANDARD")).toBe("2 sources · standard");
    expect(sourcingLine(1, "PROVISIONAL")).toBe("1 source · provisional");
    expect(sourcingLine(3, "CONFIRMED")).toBe("3 sources · confirmed");
  });
});

describe("dates are shown in UTC", () => {
  test("a calendar date", () => {
    expect(formatDate("2022-11-03")).toBe("3 Nov 2022");
    expect(formatLongDate("2026-05-10")).toBe("10 May 2026");
    expect(formatMonth("2022-11-03")).toBe("November 2022");
  });

  test("a time is shown on its UTC day, whatever its offset", () => {
    expect(formatDate("2022-11-03T23:30:00Z")).toBe("3 Nov 2022");
    expect(formatDate("2022-11-03T00:30:00+02:00")).toBe("2 Nov 2022");
    expect(formatDate("2022-11-02T22:30:00-02:00")).toBe("3 Nov 2022");
  });
});
