/** The archive's name, as pages, feeds, OpenGraph cards and structured data give it. */
export const SITE_NAME = "AI Incident Wire";
export const SITE_LOCALE = "en_GB";
