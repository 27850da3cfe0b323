import Link from "next/link";
import { archiveHref, type ArchiveState, type QueryProblem } from "@/lib/search/archive-query";
import type { SearchResult } from "@/lib/search/search-archive";

const box = "mt-6 border-l-4 pl-4 font-sans text-sm";

/** What the archive could not use, each with a way out: unknown values, an expired page link, notices, a spelling. */
export function ArchiveMessages({ result, state }: { result: SearchResult; state: ArchiveState & { provider: string[]; code: string[] } }) {
  const unknownProviders = result.unknown ?? [];
  return (
    <>
      {(unknownProviders.length > 0 || result.unknownCodes.length > 0) && (
        <div role="alert" className={`${box} border-ink`}>
          {unknownProviders.map(({ value, suggestion }) => (
            <p key={`p-${value}`} className="mt-1">
              The archive has no provider “{value}”.{" "}
              {suggestion && (
                <>
                  Did you mean{" "}
                  <Link prefetch={false} href={archiveHref({ ...state, provider: state.provider.map((item) => (item === value ? suggestion.slug : item)) })}>
                    {suggestion.name}
                  </Link>
                  ?{" "}
                </>
              )}
              <Link prefetch={false} href={archiveHref({ ...state, provider: state.provider.filter((item) => item !== value) })}>
                Leave it out
              </Link>
              .
            </p>
          ))}
          {result.unknownCodes.map((value) => (
            <p key={`c-${value}`} className="mt-1">
              The archive has no code “{value}”. Codes look like M1, or a family letter like M.{" "}
              <Link prefetch={false} href={archiveHref({ ...state, code: state.code.filter((item) => item !== value.toUpperCase()) })}>
                Leave it out
              </Link>
              .
            </p>
          ))}
        </div>
      )}
      {result.badCursor && (
        <div role="alert" className={`${box} border-ink`}>
          <p>
            This page link has expired or is not valid. <Link prefetch={false} href={archiveHref(state)}>Go to the first page</Link>.
          </p>
        </div>
      )}
      {result.notices.map((notice) => (
        <p key={notice} className={`${box} border-rule`}>
          {notice}
        </p>
      ))}
      {result.suggestion && (
        <p className="mt-6 font-sans text-sm">
          Did you mean{" "}
          <Link prefetch={false} href={archiveHref({ ...state, q: result.suggestion })} className="font-semibold italic">
            {result.suggestion}
          </Link>
          ?
        </p>
      )}
    </>
  );
}

/** A malformed address: each parameter with its problem, and the way back to the plain archive. */
export function ArchiveQueryProblems({ problems }: { problems: QueryProblem[] }) {
  return (
    <div role="alert" className={`${box} border-ink`}>
      <h2 className="text-base font-semibold">This archive address has a problem</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((problem, index) => (
          <li key={index}>
            <strong className="font-mono">{problem.param}</strong>: {problem.message}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <a href="/archive">Open the whole archive</a>, or fix the address and try again.
      </p>
    </div>
  );
}
