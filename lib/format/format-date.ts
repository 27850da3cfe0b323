const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const longDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

const asDate = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/** "3 Nov 2022": dates are calendar dates, shown in UTC so they never shift by a day. */
export const formatDate = (value: string) => dateFormat.format(asDate(value));
/** "10 May 2026" */
export const formatLongDate = (value: string) => longDateFormat.format(asDate(value));
/** "November 2022" */
export const formatMonth = (value: string) => monthFormat.format(asDate(value));
/** "10 May 2026, 09:08 UTC" */
export const formatTime = (value: string) => timeFormat.format(asDate(value));
