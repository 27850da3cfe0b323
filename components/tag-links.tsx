import { archiveHref } from "@/lib/search/archive-query";

export function ProviderLinks({ providers, className = "" }: { providers: { slug: string; name: string }[]; className?: string }) {
  return (
    <span className={`inline-flex flex-wrap gap-x-2 ${className}`}>
      {providers.map((provider) => (
        <a key={provider.slug} href={archiveHref({ provider: [provider.slug] })} className="font-sans text-sm font-semibold no-underline hover:underline">
          {provider.name}
        </a>
      ))}
    </span>
  );
}

export function CodeTags({ codes }: { codes: { code: string; label: string }[] }) {
  return (
    <ul className="inline-flex flex-wrap gap-1.5" aria-label="Codes">
      {codes.map((code) => (
        <li key={code.code}>
          <a href={archiveHref({ code: [code.code] })} className="tag font-mono" title={code.label}>
            {code.code}
            <span className="sr-only">: {code.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
