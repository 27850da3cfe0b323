import { renderMarkdown, type SourceLink } from "@/lib/markdown/render-markdown";

/** Renders stored Markdown through the sanitizing pipeline; the HTML is safe by construction. */
export async function Markdown(props: { text: string; sources?: SourceLink[]; className?: string; anchors?: boolean }) {
  const { text, sources, className = "prose", anchors = false } = props;
  const html = await renderMarkdown(text, sources, { anchors });
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
