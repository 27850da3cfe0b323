import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { WireDetail } from "@/lib/wires/get-wire";
import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import { wireHeader } from "./history-body";
import type { CurrentRationaleBody } from "./schemas/rationale";

/** A wire's current rationale, rendered; withheld for a withdrawn wire, as on its page. */
export async function rationaleBody(wire: WireDetail): Promise<CurrentRationaleBody> {
  const withheld = wire.status === "WITHDRAWN";
  const rationale = withheld ? null : wire.rationale;
  const self = apiWirePath(wire.id);
  return {
    wire: wireHeader(wire),
    rationale: rationale && {
      version: rationale.version,
      text: rationale.text,
      html: await renderMarkdown(rationale.text),
      basis: rationale.basis,
      basisLabel: rationale.basisLabel,
      basisDate: rationale.basisDate,
      test: rationale.test,
      updatedAt: rationale.updatedAt,
    },
    withheld,
    links: { self: `${self}/rationale`, history: `${self}/history`, wire: self, html: `${wirePath(wire)}#rationale` },
  };
}
