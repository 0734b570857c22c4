// Japanese search by character bigrams (DESIGN.md): text is NFKC-normalised (全角/半角 unified), lower-cased, and cut
// into overlapping two-character pieces. A query matches a record whose bigram set contains all of the query's.

export function normaliseForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Distinct bigrams of every whitespace-separated token; a one-character token is kept whole. */
export function bigramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const token of normaliseForSearch(text).split(" ")) {
    const chars = Array.from(token);
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  grams.delete("");
  return [...grams];
}

/** Tokens of a query, each of which must appear in a matching record. */
export function queryTokens(query: string): string[] {
  return normaliseForSearch(query).split(" ").filter(Boolean);
}
