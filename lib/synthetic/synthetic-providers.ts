// Fictional providers for synthetic wires, most tagged first. The shipped providers (content/providers.yaml)
// take part too, at the ranks given in PROVIDER_RANKS: a synthetic archive keeps them prominent.

export type SyntheticProvider = { slug: string; name: string; description: string; aliases: string[] };

// name | what it makes | where | aliases (comma-separated)
const TABLE = `Arclight AI|general-purpose language models and the Arclight assistant|US|ArcLight, Arc Light AI
Northwind Cognition|speech recognition for call centres|Canadian|Northwind
Quillon Labs|writing assistants for newsrooms and marketing teams|UK|
Helixa|diagnostic imaging models for hospitals|German|Helixa AI, Helixa GmbH
Lumenfold|text-to-image and text-to-video generators|US|Lumen Fold
Cobalt Reasoning|autonomous coding agents|US|Cobalt AI
Meridian Neural|credit-scoring and underwriting models|UK|
Tesselate Systems|warehouse robotics|Dutch|Tesselate
Parallax Robotics|delivery robots and drones|US|
Bluefin Vision|camera analytics for retail stores|Australian|Bluefin
Corvidae Analytics|predictive policing and case-triage software|US|Corvidae
Everstone Intelligence|enterprise search and document summarization|Irish|
Fathomwise|tutoring chatbots for schools|US|Fathom Wise
Kestrel Dynamics|driver-assistance systems for trucks|Swedish|Kestrel
Obsidian Sight|identity verification and liveness checks|Israeli|
Palisade Machines|content-moderation classifiers|US|Palisade
Riverbend AI|companion chatbots|Singaporean|River Bend AI
Solstice Speech|voice cloning and text-to-speech|US|Solstice
Tidewater Data|data labelling and training-data marketplaces|Kenyan|
Umbra Security|malware-detection models|Estonian|Umbra
Vantablue|recommendation engines for streaming services|French|
Willowmark|hiring and resume-screening software|US|Willow Mark
Xenith Health|clinical decision support|US|Xenith
Yarrow Mobility|robotaxi fleets|US|
Zephyr Autonomy|autonomous shuttles|Japanese|Zephyr
Amberlane|benefits-eligibility systems for governments|UK|
Brightwell Voice|voice assistants for cars|German|Brightwell
Cinderpath|game characters driven by language models|Polish|
Driftwood Media|synthetic presenters for news video|US|
Emberline Finance|trading and fraud-detection models|Swiss|Emberline
Foxglove Clinical|mental-health chatbots|UK|
Glasswing Labs|open-weight language models|French|Glasswing
Hollowpine|translation for courts and hospitals|Spanish|
Ironleaf Logistics|route planning for delivery fleets|Indian|Ironleaf
Juniper Vector|vector databases and retrieval services|US|
Kiln Robotics|humanoid robots for factories|South Korean|
Lanternfish AI|search engines with generated answers|US|Lanternfish
Mosaic Recruiting|video-interview scoring|US|
Nimbus Civic Systems|fraud-risk scoring for welfare agencies|Dutch|Nimbus Civic
Orchard Health AI|insurance-claim review models|US|Orchard Health
Pinecrest Analytics|tenant-screening scores|US|
Quartzline|chip-design optimisation models|Taiwanese|
Redfern Labs|image and music generators|Australian|Redfern
Saltmarsh AI|agricultural drones and crop models|Brazilian|
Thornbury Credit|buy-now-pay-later approval models|UK|
Upland Agritech|livestock monitoring cameras|New Zealand|
Verdant Mind|wellness and coaching apps|Canadian|
Wavecrest Audio|music-separation and remix tools|US|Wave Crest
Axolotl Research|protein and chemistry models|Swiss|
Bramble Education|essay-grading software|US|
Copperhead Defense|surveillance drones|US|Copperhead
Duskfall Games|procedural content for games|Finnish|
Eddystone Maps|mapping and geolocation models|UK|Eddystone
Flintlock Security|deepfake detection|US|
Gossamer Translate|real-time translation earbuds|Japanese|Gossamer
Harrow Biometrics|face and gait matching for border control|UK|Harrow
Inkwell Writer|academic writing assistants|US|
Jetstream Autonomy|cargo drones|Chinese|Jetstream
Kittiwake Search|people-search and background checks|US|
Larkspur Companion|elder-care robots|Danish|Larkspur`;

export const SYNTHETIC_PROVIDERS: SyntheticProvider[] = TABLE.split("\n").map((line) => {
  const [name = "", makes = "", where = "", aliases = ""] = line.split("|");
  return {
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
    name,
    description: `${where} company that develops ${makes}. A fictional provider, made up for synthetic wires.`,
    aliases: aliases ? aliases.split(",").map((alias) => alias.trim()) : [],
  };
});

/** Where the shipped providers rank among the synthetic ones (1 is the most tagged). */
export const PROVIDER_RANKS: Record<string, number> = { openai: 2, google: 3, microsoft: 5, "stability-ai": 8, midjourney: 12, adobe: 17 };
