// How a 相手先 (partner) is named, on the server (lists, audit summaries, Excel) and on the screens alike.

/** The city, and the organisation in it when the partner is one: 「高雄市 高雄市政府観光伝播局」. The map uses it beside a country column. */
export function partnerName(p: { city: string; organisation: string }): string {
  return p.organisation ? `${p.city} ${p.organisation}` : p.city;
}

/** The name with its country, as lists, selects and the audit log name a partner: 「大連市（中国）」. */
export function partnerLabel(p: { country: string; city: string; organisation: string }): string {
  return `${partnerName(p)}（${p.country}）`;
}
