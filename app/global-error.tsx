"use client";

/** Last resort when the layout itself fails: a plain page, no stack trace. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem" }}>
        <main>
          <h1>The archive could not be shown</h1>
          <p>Something went wrong on our side. Please try again in a moment.</p>
          {error.digest && <p>Reference: <code>{error.digest}</code></p>}
          <p><a href="/">Latest wires</a></p>
        </main>
      </body>
    </html>
  );
}
