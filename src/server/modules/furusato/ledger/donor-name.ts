// How a donor's name reads to staff who may not see it in full: the donations list, ワンストップ and 受領証明書 alike.

/** 山田 太郎 → 山田 **; 山田太郎 → 山** (a name without a space keeps its first character only); （匿名化済） stays. */
export function maskName(name: string | null): string {
  const value = (name ?? "").trim();
  if (value === "") return "**";
  if (value.startsWith("（")) return value; // （匿名化済）
  const [family, ...rest] = value.split(/[\s\u3000]+/);
  return rest.length > 0 ? `${family} **` : `${[...value][0]}**`;
}
