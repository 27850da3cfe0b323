import type { Metadata } from "next";
import { listGuides } from "@/lib/guides/list-guides";

export const metadata: Metadata = {
  title: "Guides",
  description: "The Editor's Guide, with the severity rubric, sourcing standards, code taxonomy and the but-for test, and the archive's topic guides.",
  alternates: { canonical: "/guides" },
};

export default async function GuidesPage() {
  const guides = await listGuides();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-semibold">Guides</h1>
      <ul className="mt-6">
        {guides.map((guide) => (
          <li key={guide.slug} className="border-t border-rule py-4">
            <a href={`/guides/${guide.slug}`} className="text-xl font-semibold">{guide.title}</a>
            <p className="mt-1 text-muted">{guide.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
