/**
 * Runs once when the server starts (Next.js calls it before the first request). The archive's start
 * (migrations, first import, change listener, search index) runs in the background from here, so that
 * the server can answer /healthz meanwhile; scripts/serve.ts holds readers back until it is done.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startArchive } = await import("@/lib/start/start-archive");
  void startArchive();
}
