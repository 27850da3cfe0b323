// The words synthetic wires are written with. Order matters: earlier words are drawn more often
// (Zipf), so the common ones come first. None of them shares a stem with a SEARCH_TERMS word,
// which is what keeps those terms' rates exact.

export const NOUNS = `model system users company data chatbot tool images researchers policy platform feature
content service app developers report filter dataset classifier customers moderation outputs prompts accounts
training safeguards version update complaint regulator lawsuit investigation audit error bias privacy
misinformation deepfake voice video election hospital patients drivers vehicle camera school students teachers
loan applicants police court judge lawyers journalists artists musicians writers workers employees contractors
moderators children parents advertisers campaign fraud scam identity likeness copyright license terms refund
outage benchmark evaluation disclosure watermark label provenance transcript translation diagnosis prescription
claim score ranking recommendation feed search answer citation summary assistant agent robot drone sensor
pipeline interface dashboard website newsroom forum community creators photographs portraits songs lyrics
articles books code repository plugin extension browser keyboard phone speaker headset glasses clinic pharmacy
insurer bank lender landlord tenants employer candidates interview resume benefits welfare agency ministry
council parliament commission senator committee hearing testimony petition protest boycott union strike
warehouse factory delivery route map traffic intersection pedestrian cyclist passenger flight airport border
visa asylum prison parole sentence verdict evidence witness suspect arrest warrant database registry archive
spreadsheet invoice payment transaction wallet exchange token market price subscription tier quota limit
threshold rule guideline standard framework principle commitment pledge statement apology correction
retraction notice warning alert incident failure breach leak exploit vulnerability attack jailbreak injection
payload malware phishing spam bot network server cluster chip datacentre energy emissions water cooling
supplier partner customer vendor startup investor shareholder board executive founder engineer scientist
doctor nurse radiologist therapist counsellor tutor librarian translator interpreter dispatcher operator
pilot captain officer inspector examiner auditor ombudsman watchdog tribunal`.split(/\s+/);

/** Past tense first, then the headline's present tense. */
export const VERBS: readonly (readonly [string, string])[] = `released:releases restricted:restricts
paused:pauses suspended:suspends flagged:flags removed:removes blocked:blocks generated:generates
misidentified:misidentifies exposed:exposes leaked:leaks denied:denies approved:approves rejected:rejects
recalled:recalls updated:updates disabled:disables launched:launches expanded:expands limited:limits
dropped:drops settled:settles fined:fines sued:sues disclosed:discloses confirmed:confirms
acknowledged:acknowledges investigated:investigates mislabelled:mislabels fabricated:fabricates
impersonated:impersonates recommended:recommends scored:scores ranked:ranks collected:collects
retained:retains shared:shares sold:sells scraped:scrapes trained:trains tested:tests audited:audits
patched:patches retrained:retrains warned:warns banned:bans throttled:throttles overruled:overrules
crashed:crashes stalled:stalls misrouted:misroutes delayed:delays charged:charges refunded:refunds
deleted:deletes published:publishes cited:cites copied:copies reproduced:reproduces mimicked:mimics
cloned:clones targeted:targets excluded:excludes penalized:penalizes translated:translates
summarized:summarizes predicted:predicts diagnosed:diagnoses rerouted:reroutes matched:matches`
  .split(/\s+/)
  .map((pair) => pair.split(":") as [string, string]);

export const ADJECTIVES = `automated generative public internal experimental faulty biased unlabelled synthetic
inaccurate misleading harmful unauthorized commercial medical financial legal political personal sensitive
private large small new earlier later widespread limited temporary permanent regional national global
independent anonymous fake deceptive unsafe defective undisclosed voluntary mandatory automatic manual hidden
visible explicit violent discriminatory opaque flawed popular open closed premium free paid enterprise
consumer municipal federal academic clinical autonomous conversational predictive visual audio multilingual
offline mobile outdated proprietary licensed unlicensed encrypted unencrypted remote rural urban`
  .split(/\s+/);

export const PREPOSITIONS = ["in", "for", "after", "over", "across", "during", "against", "under", "before", "without"];

export const SUBJECTS = ["Researchers", "Regulators", "Users", "Critics", "Officials", "Engineers", "Journalists", "Auditors", "Lawyers", "Advocates", "Analysts", "Staff"];

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const ONSETS = ["b", "br", "c", "cr", "d", "dr", "f", "g", "gl", "h", "j", "k", "l", "m", "n", "p", "pr", "qu", "r", "s", "st", "t", "tr", "v", "w", "z"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "y"];
const CODAS = ["", "", "n", "r", "l", "x", "s", "th", "nd", "rk", "m", "v"];

/**
 * Made-up proper names (products, places, projects): the long tail of the vocabulary.
 * Built by a fixed recipe, not from the run's seed, so every archive shares one vocabulary.
 */
export function buildNameTail(size: number): string[] {
  const names = new Set<string>();
  let state = 0x2545f491;
  const next = (length: number) => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    return state % length;
  };
  const reserved = /glimmer|oversight|facial|recogni/;
  while (names.size < size) {
    const syllables = 2 + next(2);
    let word = "";
    for (let i = 0; i < syllables; i += 1) word += ONSETS[next(ONSETS.length)]! + VOWELS[next(VOWELS.length)]! + (i === syllables - 1 ? CODAS[next(CODAS.length)]! : "");
    if (word.length < 6 || reserved.test(word)) continue;
    names.add(word[0]!.toUpperCase() + word.slice(1));
  }
  return [...names];
}
