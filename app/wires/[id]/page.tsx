import { notFound, permanentRedirect } from "next/navigation";
import { findWireRoute } from "@/lib/wires/find-wire-route";

/** /wires/<id> without a slug: send readers to the canonical address. */
export default async function WireIdPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const route = await findWireRoute(decodeURIComponent(id));
  if (!route) notFound();
  permanentRedirect(route.canonical);
}
