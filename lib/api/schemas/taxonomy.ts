import { z } from "zod";
import { SitePath } from "./common";
import { named } from "./registry";

const FeedLinks = z.strictObject({ rss: SitePath, atom: SitePath, json: SitePath }).describe("Feeds of the wires that carry this provider or code.");

export const Provider = named(
  "Provider",
  "A provider of AI systems named on wires, with the other spellings of its name that the archive accepts.",
  z.strictObject({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    url: z.string().nullable().describe("The provider's website."),
    aliases: z.array(z.string()).describe("Other names and spellings; /api/v1/providers/{slug} accepts them too."),
    wireCount: z.number().int().nonnegative().describe("Listed wires (all but merged ones) that name the provider."),
    links: z.strictObject({ self: SitePath, html: SitePath, wires: SitePath.describe("Its wires in this API's search."), feeds: FeedLinks }),
  }),
);

export const ProviderList = named("ProviderList", "Every provider, by name.", z.strictObject({ total: z.number().int().nonnegative(), providers: z.array(Provider) }));

const CodeFields = {
  code: z.string().describe("A family letter and a number, such as M1."),
  label: z.string(),
  definition: z.string(),
  wireCount: z.number().int().nonnegative().describe("Listed wires (all but merged ones) that carry the code."),
  links: z.strictObject({ self: SitePath, html: SitePath, wires: SitePath, feeds: FeedLinks }),
};

export const CodeFamily = named(
  "CodeFamily",
  "A family of codes (the letter of each of its codes), with its codes in order.",
  z.strictObject({
    letter: z.string().length(1),
    name: z.string(),
    description: z.string(),
    codes: z.array(z.strictObject(CodeFields)),
  }),
);

export const CodeList = named("CodeList", "The whole code taxonomy, family by family, as the Editor's Guide prints it.", z.strictObject({ total: z.number().int().nonnegative(), families: z.array(CodeFamily) }));

export const Code = named(
  "Code",
  "One code with its definition and its family.",
  z.strictObject({ ...CodeFields, family: z.strictObject({ letter: z.string().length(1), name: z.string(), description: z.string() }) }),
);

export type ProviderBody = z.infer<typeof Provider>;
export type ProviderListBody = z.infer<typeof ProviderList>;
export type CodeBody = z.infer<typeof Code>;
export type CodeListBody = z.infer<typeof CodeList>;
