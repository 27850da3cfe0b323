import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not found", description: "There is no page at this address." };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl">
      <p className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">404</p>
      <h1 className="mt-1 text-3xl font-semibold">Nothing at this address</h1>
      <p className="mt-4">
        The page may have moved, or the address may be mistyped. Wire ids are permanent: a wire&rsquo;s address with its id
        always works.
      </p>
      <p className="mt-4 font-sans"><a href="/">Latest wires</a> · <a href="/archive">Archive</a> · <a href="/guides">Guides</a></p>
    </div>
  );
}
