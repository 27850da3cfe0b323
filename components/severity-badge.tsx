import { EDITORS_GUIDE, SEVERITY_LABELS } from "@/lib/wires/labels";

/** "SEV-3", always as text, with its label for screen readers and a tooltip. */
export function SeverityBadge({ severity, link = false }: { severity: number; link?: boolean }) {
  const label = `Severity ${severity} of 5 (1 is gravest): ${SEVERITY_LABELS[severity] ?? "unrated"}`;
  const badge = (
    <span className={`sev sev-${severity}`} title={label}>
      <span aria-hidden="true">SEV-{severity}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
  if (!link) return badge;
  return (
    <a href={`${EDITORS_GUIDE}#severity-rubric`} className="no-underline">
      {badge}
    </a>
  );
}
