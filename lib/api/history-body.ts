import type { RationaleHistory } from "@/lib/rationale/list-rationale-history";
import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import type { RationaleHistoryBody } from "./schemas/rationale";

type WireHeader = RationaleHistory["wire"];

/** The wire a rationale belongs to, as the rationale routes name it. */
export function wireHeader(wire: WireHeader): RationaleHistoryBody["wire"] {
  return {
    id: wire.id,
    slug: wire.slug,
    headline: wire.headline,
    status: wire.status,
    mergedInto: wire.mergedInto && { id: wire.mergedInto.id, url: wirePath(wire.mergedInto), apiUrl: apiWirePath(wire.mergedInto.id) },
  };
}

/**
 * One page of a rationale's history. A withdrawn wire's texts are not published: the record of who
 * changed the rationale, when and why stays, as on its history page.
 */
export function historyBody(history: RationaleHistory, before: number | undefined): RationaleHistoryBody {
  const withheld = history.wire.status === "WITHDRAWN";
  const newest = `${apiWirePath(history.wire.id)}/history`;
  return {
    wire: wireHeader(history.wire),
    currentVersion: history.currentVersion,
    withheld,
    entries: history.entries.map((entry) => ({
      version: entry.version,
      kind: entry.kind,
      author: entry.author,
      editorRole: entry.editorRole,
      createdAt: entry.createdAt,
      reason: entry.reason,
      basisLabel: entry.basisLabel,
      text: withheld ? null : entry.text,
      previousText: withheld ? null : entry.previousText,
      test: withheld ? null : entry.test,
      previousTest: withheld ? null : entry.previousTest,
      restoredFrom: entry.restoredFrom,
    })),
    links: {
      self: before === undefined ? newest : `${newest}?before=${before}`,
      older: history.olderBefore === undefined ? null : `${newest}?before=${history.olderBefore}`,
      newest,
      wire: apiWirePath(history.wire.id),
      html: `/wires/${history.wire.id}/history`,
    },
  };
}
