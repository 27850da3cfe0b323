import { renderMarkdown, type SourceLink } from "@/lib/markdown/render-markdown";

/** Renders stored Markdown through the sanitizing pipeline; the HTML is safe by construction. */
export async function Markdown({ text, sources, className = "prose" }: { text: string; sources?: SourceLink[]; className?: string }) {
  const html = await renderMarkdown(text, sources);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
