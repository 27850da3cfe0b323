/**
 * Picks, batch after batch, the headlines that hold a word this run has not sent yet, so that a batch
 * adds to headline_word only those (the database's `headline_words` splits them). Splitting ASCII here
 * as the database does (lower case, at anything but a letter or a digit, three characters or more)
 * tells which words are new; a headline with other characters is always sent, and the database splits it.
 * After the first batches, nearly every word of a synthetic headline has been seen.
 */
export function createNewHeadlineWords(): (headlines: readonly string[]) => string[] {
  const seen = new Set<string>();
  return (headlines) =>
    headlines.filter((headline) => {
      let fresh = /[^\x00-\x7f]/.test(headline);
      for (const word of headline.toLowerCase().split(/[^a-z0-9]+/)) {
        if (word.length < 3 || seen.has(word)) continue;
        seen.add(word);
        fresh = true;
      }
      return fresh;
    });
}
