import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import type { RequestFacts } from "./authorize-request";
import { clientAddress } from "./client-address";
import { requestHost } from "./request-host";
import { sessionCookieName } from "./session-cookie";

export type RequestFactsWithAgent = RequestFacts & { userAgent: string | null };

/** The facts about the current request that authorization needs (Server Actions, route handlers, pages). */
export async function readRequestFacts(): Promise<RequestFactsWithAgent> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const trusted = env().ARCHIVE_TRUST_PROXY;
  return {
    cookie: cookieStore.get(sessionCookieName())?.value,
    origin: headerList.get("origin"),
    host: requestHost(headerList.get("host"), headerList.get("x-forwarded-host"), trusted),
    secFetchSite: headerList.get("sec-fetch-site"),
    address: clientAddress(headerList.get("x-forwarded-for"), trusted),
    userAgent: headerList.get("user-agent"),
  };
}
