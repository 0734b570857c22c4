// A short, recognisable name for a browser's User-Agent (「Edge（Windows）」) in the list of the user's sessions.
// Only a hint for the user: the full string is shown on hover.

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "Mac"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** 「Chrome（Windows）」, or the raw string shortened when nothing is recognised; null when there is none. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  const value = userAgent?.trim();
  if (!value) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(value))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(value))?.[1];
  if (browser && system) return `${browser}（${system}）`;
  if (browser ?? system) return (browser ?? system) as string;
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
