// Who posted an Action宣言, as the lobby board and the public page show it: 「企画課　山田 太郎」. A name that already
// says the division (「企画課 職員A」) is shown alone, so the board never reads 「企画課　企画課 職員A」 (issue 12 item 10).
export function declarationAuthor(organisationName: string | null, displayName: string | null, anonymousLabel: string): string {
  const name = displayName?.trim() || anonymousLabel;
  const organisation = organisationName?.trim();
  if (!organisation || (displayName && name.includes(organisation))) return name;
  return `${organisation}　${name}`;
}
