import { Bitset, recycle, scratchCopy } from "./bitset";
import type { LexemePostings } from "./postings/load-postings";
import { matchPhrase, type PhraseChain } from "./postings/match-phrase";
import type { TsNode } from "./tsquery";

/** A node's wires: exactly those that match, or (not exact) a superset PostgreSQL must narrow. */
export type Evaluated = { bits: Bitset; exact: boolean };

/**
 * Evaluates a parsed tsquery over the lexeme postings, within `universe` (the wires the postings hold
 * as they read now). Terms, `!`, `&` and `|` are set operations; a phrase of plain lexemes is checked
 * against their positions. Anything else (never written by websearch_to_tsquery) gives a superset.
 */
export function evaluateTextQuery(node: TsNode, postings: Map<string, LexemePostings>, universe: Bitset): Evaluated {
  switch (node.kind) {
    case "term": {
      const found = postings.get(node.lexeme);
      const bits = universe.clone();
      if (found) bits.and(found.all);
      else bits.words.fill(0);
      return { bits, exact: true };
    }
    case "not": {
      const child = evaluateTextQuery(node.child, postings, universe);
      if (!child.exact) return { bits: universe.clone(), exact: false };
      return { bits: universe.clone().andNot(child.bits), exact: true };
    }
    case "and":
    case "or": {
      const left = evaluateTextQuery(node.left, postings, universe);
      const right = evaluateTextQuery(node.right, postings, universe);
      if (node.kind === "and") left.bits.and(right.bits);
      else left.bits.or(right.bits);
      return { bits: left.bits, exact: left.exact && right.exact };
    }
    case "phrase": {
      const chain = phraseChain(node);
      if (chain) {
        // The wires holding every word of the phrase: the candidates whose positions are read.
        const candidates = scratchCopy(universe);
        for (const lexeme of chain.lexemes) {
          const found = postings.get(lexeme);
          if (found) candidates.and(found.all);
          else candidates.words.fill(0);
        }
        const bits = matchPhrase(chain, postings, candidates);
        recycle(candidates);
        return { bits, exact: true };
      }
      const left = evaluateTextQuery(node.left, postings, universe);
      const right = evaluateTextQuery(node.right, postings, universe);
      return { bits: left.bits.and(right.bits), exact: false };
    }
  }
}

/** `a <1> b <2> c` read left to right, when the phrase is made of plain lexemes only; otherwise null. */
export function phraseChain(node: TsNode): PhraseChain | null {
  if (node.kind !== "phrase" || node.right.kind !== "term" || node.right.prefix || node.right.weights) return null;
  const left = node.left;
  let head: PhraseChain | null;
  if (left.kind === "term") head = left.prefix || left.weights ? null : { lexemes: [left.lexeme], distances: [] };
  else head = phraseChain(left);
  if (!head) return null;
  return { lexemes: [...head.lexemes, node.right.lexeme], distances: [...head.distances, node.distance] };
}

/** The lexemes whose positions the query's phrases need. */
export function phraseLexemes(node: TsNode): string[] {
  if (node.kind === "term") return [];
  if (node.kind === "not") return phraseLexemes(node.child);
  if (node.kind === "phrase") {
    const chain = phraseChain(node);
    if (chain) return chain.lexemes;
  }
  return [...phraseLexemes(node.left), ...phraseLexemes(node.right)];
}
