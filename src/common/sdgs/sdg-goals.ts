// The 17 SDGs goals by number, with the short Japanese names the city uses on its pages.
export const SDG_GOALS = [
  "貧困をなくそう",
  "飢餓をゼロに",
  "すべての人に健康と福祉を",
  "質の高い教育をみんなに",
  "ジェンダー平等を実現しよう",
  "安全な水とトイレを世界中に",
  "エネルギーをみんなに そしてクリーンに",
  "働きがいも経済成長も",
  "産業と技術革新の基盤をつくろう",
  "人や国の不平等をなくそう",
  "住み続けられるまちづくりを",
  "つくる責任 つかう責任",
  "気候変動に具体的な対策を",
  "海の豊かさを守ろう",
  "陸の豊かさも守ろう",
  "平和と公正をすべての人に",
  "パートナーシップで目標を達成しよう",
] as const;

export function sdgGoalLabel(goal: number): string {
  return `目標${goal} ${SDG_GOALS[goal - 1] ?? ""}`.trim();
}

export function isSdgGoal(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 17;
}
