import { serveExport } from "@/lib/export/serve-export";

// An export reads the live archive on every request.
export const dynamic = "force-dynamic";

/** /archive/export.ndjson?<the archive's parameters>: every matching wire, streamed. See lib/export/serve-export.ts. */
export async function GET(request: Request) {
  return serveExport(request, "ndjson");
}
