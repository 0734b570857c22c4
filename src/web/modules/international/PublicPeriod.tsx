// The 年度 a public project runs, in 和暦 (西暦 on hover): 「令和6年度」 for one year, 「平成27年度〜（継続中）」 without an end.
import { FiscalYearText } from "../../ui/dates";
import { pm } from "./publicMessages";

export function PublicPeriod({ first, last }: { first: number; last: number | null }) {
  if (last === first) return <FiscalYearText fy={first} western="title" />;
  return (
    <>
      <FiscalYearText fy={first} western="title" />〜{last === null ? pm.ongoing : <FiscalYearText fy={last} western="title" />}
    </>
  );
}
