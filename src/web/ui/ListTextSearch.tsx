// A list's 語句 search: a text box with its 検索 button, applied on submit (Enter or the button), not on each key, so
// the list is asked once per search. The box follows the URL's term: when the page clears its filters, it empties.
import { Button, Group, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";

export interface ListTextSearchProps {
  label: string;
  /** what the term is matched against (名称・説明 …) */
  description?: string;
  /** the term in the URL now */
  value: string | undefined;
  /** the trimmed term, or undefined for an empty box */
  onSearch: (q: string | undefined) => void;
  width?: number;
  buttonLabel?: string;
}

export function ListTextSearch({ label, description, value, onSearch, width = 220, buttonLabel = "検索" }: ListTextSearchProps) {
  const [q, setQ] = useState(value ?? "");
  useEffect(() => setQ(value ?? ""), [value]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim() || undefined);
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label={label} description={description} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={width} />
        <Button type="submit" variant="default">
          {buttonLabel}
        </Button>
      </Group>
    </form>
  );
}
