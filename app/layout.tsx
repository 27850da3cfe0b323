import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { siteBaseUrl } from "@/lib/seo/site-base-url";
import { SITE_LOCALE, SITE_NAME } from "@/lib/seo/site-name";
import { sans, serif } from "./fonts";
import "./globals.css";

// Every page reads the live archive: an amended rationale shows on the next request.
export const dynamic = "force-dynamic";

const DESCRIPTION = "Severity-coded wires about AI incidents, with their sources, codes, providers and an amendable, versioned rationale.";

/**
 * Site-wide metadata. metadataBase turns the pages' relative canonical and OpenGraph addresses into
 * absolute ones, from ARCHIVE_PUBLIC_URL or the request's host (lib/seo/site-base-url.ts). A page
 * that sets openGraph or twitter replaces these objects whole.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(`${await siteBaseUrl()}/`),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: DESCRIPTION,
    openGraph: { type: "website", siteName: SITE_NAME, locale: SITE_LOCALE },
    twitter: { card: "summary" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf6" },
    { media: "(prefers-color-scheme: dark)", color: "#121211" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only font-sans focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-paper focus:p-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
