// How a header cell is compared with the names the pipeline knows: `料金（基本）`, `料金(基本)`, `※料金 (基本)` and
// `◎料金【基本】` are one name. Pure.
//
// key:      NFKC (full-width brackets, digits and letters to half-width), no spaces, no leading marks (※ ◎ ○ ● * …),
//           no "(必須)"-style notes, no underscores, brackets or ・, lower-case. `名称_カナ` and `名称(カナ)` meet here.
// looseKey: the same with bracketed parts removed, tried only when the key matches nothing (`緯度（世界測地系）` → 緯度).

const LEADING_MARKS = /^[※◎○●◯〇*☆★◆◇■□▲△・#]+/u;
const TRAILING_NOTE = /(.)※.*$/su;
const REQUIRED_NOTE = /[(【[](必須|任意|推奨|必須項目|◎|○)[)】\]]/gu;
const BRACKETS = /[【「『〔［]/gu;
const CLOSING = /[】」』〕］]/gu;

/** NFKC, spaces out, marks and required-notes out, every kind of bracket as ( ). */
function clean(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(BRACKETS, "(")
    .replace(CLOSING, ")")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(REQUIRED_NOTE, "")
    .replace(LEADING_MARKS, "")
    .replace(TRAILING_NOTE, "$1")
    .toLowerCase();
}

export function headerKey(name: string): string {
  return clean(name).replace(/[_()・]/gu, "");
}

export function looseHeaderKey(name: string): string {
  return clean(name)
    .replace(/\([^)]*\)/gu, "")
    .replace(/[_()・]/gu, "");
}

/** Excel's placeholder for a header it lost (`列1`, `Column1`): the column's real name must be restored by hand. */
export function isPlaceholderHeader(name: string): boolean {
  return /^(列|column)\d+$/iu.test(name.normalize("NFKC").trim());
}
