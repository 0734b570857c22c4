// 「産業経済局 産業政策課」 in a narrow column of the public lists: the line may break between the 局 and the 課, never
// inside either name.
import { pm } from "./publicMessages";

export function PublicOwnerName({ owner, bureau }: { owner: string; bureau: string }) {
  const names = pm.ownerLabel(owner, bureau).split(" ");
  return names.map((name, i) => (
    <span key={name} style={{ whiteSpace: "nowrap" }}>
      {i > 0 ? " " : ""}
      {name}
    </span>
  ));
}
