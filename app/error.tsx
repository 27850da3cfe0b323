"use client";

/** Readers see a plain message and a reference, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl" role="alert">
      <p className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">Error</p>
      <h1 className="mt-1 text-3xl font-semibold">This page could not be shown</h1>
      <p className="mt-4">Something went wrong on our side. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 font-sans text-sm text-muted">Reference: <code>{error.digest}</code></p>}
      <p className="mt-4 font-sans">
        <button type="button" onClick={reset} className="underline">Try again</button> · <a href="/">Latest wires</a>
      </p>
    </div>
  );
}
