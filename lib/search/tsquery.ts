/**
 * PostgreSQL's tsquery, as `websearch_to_tsquery(...)::text` prints it, parsed into a tree, so that
 * the archive can evaluate a query against its lexeme postings (lib/search/text-postings.ts).
 * PostgreSQL stays the parser of the reader's text (stemming, stop words, web-search syntax); this only
 * reads PostgreSQL's answer back.
 */
export type TsNode =
  | { kind: "term"; lexeme: string; prefix: boolean; weights: string }
  | { kind: "not"; child: TsNode }
  | { kind: "and" | "or"; left: TsNode; right: TsNode }
  /** `left <distance> right`: right's lexeme `distance` positions after left's. `<->` is distance 1. */
  | { kind: "phrase"; distance: number; left: TsNode; right: TsNode };

/** Text that is not a tsquery as PostgreSQL prints one. */
export class TsQuerySyntaxError extends Error {}

// Binding strength, loosest first, as PostgreSQL applies it: | then & then <-> ; ! binds tightest.
const BINARY: Record<string, number> = { "|": 1, "&": 2 };
const PHRASE_STRENGTH = 3;

/** Parses printed tsquery text; an empty string (a query of stop words only) gives null. */
export function parseTsQuery(text: string): TsNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let at = 0;
  const peek = () => tokens[at];

  function primary(): TsNode {
    const token = tokens[at++];
    if (!token) throw new TsQuerySyntaxError("the query ends too early");
    if (token.kind === "term") return { kind: "term", lexeme: token.lexeme, prefix: token.prefix, weights: token.weights };
    if (token.kind === "op" && token.op === "!") return { kind: "not", child: primary() };
    if (token.kind === "op" && token.op === "(") {
      const inner = expression(0);
      const close = tokens[at++];
      if (close?.kind !== "op" || close.op !== ")") throw new TsQuerySyntaxError("a parenthesis is not closed");
      return inner;
    }
    throw new TsQuerySyntaxError(`unexpected ${token.kind === "op" ? token.op : "phrase operator"}`);
  }

  function expression(minimum: number): TsNode {
    let left = primary();
    for (;;) {
      const token = peek();
      if (!token) return left;
      const strength = token.kind === "phrase" ? PHRASE_STRENGTH : token.kind === "op" ? BINARY[token.op] : undefined;
      if (strength === undefined || strength <= minimum) return left;
      at += 1;
      const right = expression(strength);
      if (token.kind === "phrase") left = { kind: "phrase", distance: token.distance, left, right };
      else if (token.kind === "op") left = { kind: token.op === "|" ? "or" : "and", left, right };
    }
  }

  const tree = expression(0);
  if (at !== tokens.length) throw new TsQuerySyntaxError("unexpected text after the query");
  return tree;
}

type Token =
  | { kind: "term"; lexeme: string; prefix: boolean; weights: string }
  | { kind: "op"; op: "!" | "&" | "|" | "(" | ")" }
  | { kind: "phrase"; distance: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " ") {
      i += 1;
    } else if (c === "'") {
      // A quoted lexeme: '' and \\ stand for one quote and one backslash.
      let lexeme = "";
      i += 1;
      for (;;) {
        if (i >= text.length) throw new TsQuerySyntaxError("a quoted lexeme is not closed");
        const d = text[i]!;
        if (d === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (d === "\\" && i + 1 < text.length) {
          lexeme += text[i + 1];
          i += 2;
        } else if (d === "'") {
          i += 1;
          break;
        } else {
          lexeme += d;
          i += 1;
        }
      }
      let prefix = false;
      let weights = "";
      if (text[i] === ":") {
        const flags = /^:([*ABCD]*)/.exec(text.slice(i))![1]!;
        prefix = flags.includes("*");
        weights = flags.replace("*", "");
        i += 1 + flags.length;
      }
      tokens.push({ kind: "term", lexeme, prefix, weights });
    } else if (c === "<") {
      const match = /^<(-|\d+)>/.exec(text.slice(i));
      if (!match) throw new TsQuerySyntaxError(`unexpected "<" at ${i}`);
      tokens.push({ kind: "phrase", distance: match[1] === "-" ? 1 : Number(match[1]) });
      i += match[0].length;
    } else if (c === "!" || c === "&" || c === "|" || c === "(" || c === ")") {
      tokens.push({ kind: "op", op: c });
      i += 1;
    } else {
      throw new TsQuerySyntaxError(`unexpected "${c}" at ${i}`);
    }
  }
  return tokens;
}

/** Every lexeme the query names, once each. */
export function queryLexemes(node: TsNode): string[] {
  const found = new Set<string>();
  const visit = (n: TsNode): void => {
    if (n.kind === "term") found.add(n.lexeme);
    else if (n.kind === "not") visit(n.child);
    else {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(node);
  return [...found];
}

/** The lexemes that count towards relevance: those a matching wire must or may contain, not the excluded ones. */
export function rankedLexemes(node: TsNode): string[] {
  const found = new Set<string>();
  const visit = (n: TsNode): void => {
    if (n.kind === "term") found.add(n.lexeme);
    else if (n.kind !== "not") {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(node);
  return [...found];
}

/** Whether every operand is a plain lexeme (no prefix match, no weight restriction): what postings can answer. */
export function plainTerms(node: TsNode): boolean {
  if (node.kind === "term") return !node.prefix && node.weights === "";
  if (node.kind === "not") return plainTerms(node.child);
  return plainTerms(node.left) && plainTerms(node.right);
}
