// A text field that suggests records from the server as one types (the WAI-ARIA combobox pattern with a listbox
// popup, list autocomplete, manual selection): the input keeps whatever is typed (free text stays possible), a
// debounced query goes through TanStack Query, and a suggestion is chosen with the arrow keys and Enter or the mouse.
// Escape closes the list (and only the list, inside a dialog); Enter while a Japanese IME is composing is left alone.
import { Loader, TextInput, type TextInputProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type ReactNode, useId, useState } from "react";

export interface SearchComboboxTexts {
  /** announced when the query found nothing: 「該当する職員がいません」 */
  noMatch: string;
  /** announced while the list loads */
  searching: string;
  /** announced when the list shows n suggestions */
  count: (n: number) => string;
  /** shown when the query failed */
  failed: string;
}

interface SearchComboboxProps<T> extends Omit<TextInputProps, "value" | "onChange" | "onSelect" | "rightSection"> {
  label: string;
  /** the text in the field */
  value: string;
  /** the text changed by typing (not by choosing a suggestion) */
  onChange: (text: string) => void;
  /** a suggestion was chosen */
  onSelect: (item: T) => void;
  /** the TanStack Query key of a search for `q` (the component adds nothing to it) */
  queryKey: (q: string) => readonly unknown[];
  search: (q: string) => Promise<T[]>;
  itemKey: (item: T) => string;
  /** the text put in the field when the item is chosen, and the option's main line */
  itemLabel: (item: T) => string;
  /** a second, dimmed line of the option (the division of a person) */
  itemDetail?: (item: T) => ReactNode;
  /** the suggestions to leave out (people already chosen in another row) */
  exclude?: (item: T) => boolean;
  /** the fewest characters that start a search; 0 lists suggestions for an empty field (on ArrowDown or a click) */
  minChars?: number;
  texts: SearchComboboxTexts;
  /** shown at the input's right (a 「紐づけ済み」 mark) */
  rightSection?: ReactNode;
}

const LIST_STYLE = {
  position: "absolute",
  zIndex: 400,
  insetInline: 0,
  top: "100%",
  marginTop: 2,
  padding: 4,
  maxHeight: 280,
  overflowY: "auto",
  background: "var(--mantine-color-body)",
  border: "1px solid var(--mantine-color-gray-4)",
  borderRadius: "var(--mantine-radius-sm)",
  boxShadow: "var(--mantine-shadow-md)",
} as const;

export function SearchCombobox<T>({
  label,
  value,
  onChange,
  onSelect,
  queryKey,
  search,
  itemKey,
  itemLabel,
  itemDetail,
  exclude,
  minChars = 1,
  texts,
  rightSection,
  id,
  disabled,
  ...rest
}: SearchComboboxProps<T>) {
  const autoId = useId();
  const inputId = id ?? `combobox-${autoId}`;
  const listId = `${inputId}-listbox`;
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(value.trim(), 250);
  const enabled = open && !disabled && debounced.length >= minChars;
  const results = useQuery({
    queryKey: queryKey(debounced),
    queryFn: () => search(debounced),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const items = enabled ? (results.data ?? []).filter((item) => !exclude?.(item)) : [];
  const showList = enabled && items.length > 0;
  // nothing found (or the query failed): a dimmed note under the field, the same words as the live region
  const showNote = enabled && items.length === 0 && !results.isFetching;
  const activeIndex = active < items.length ? active : -1;

  const choose = (item: T) => {
    onSelect(item);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else if (items.length > 0) setActive((activeIndex + 1) % items.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(-1);
        } else if (items.length > 0) setActive(activeIndex <= 0 ? items.length - 1 : activeIndex - 1);
        break;
      case "Enter":
        // Enter chooses the highlighted suggestion (and does not submit the form); with none highlighted it submits.
        if (open && activeIndex >= 0 && items[activeIndex]) {
          event.preventDefault();
          choose(items[activeIndex]);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  let status = "";
  if (enabled) {
    if (results.isError) status = texts.failed;
    else if (results.isFetching && items.length === 0) status = texts.searching;
    else status = items.length === 0 ? texts.noMatch : texts.count(items.length);
  }

  return (
    <div style={{ position: "relative", minWidth: 0 }}>
      <TextInput
        {...rest}
        id={inputId}
        label={label}
        disabled={disabled}
        value={value}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        // Mantine's Modal closes on Escape unless the key comes from an element marked so: the open list closes first.
        data-mantine-stop-propagation={open ? "true" : undefined}
        rightSection={results.isFetching && enabled ? <Loader size="xs" aria-hidden /> : rightSection}
        rightSectionWidth={rightSection && !(results.isFetching && enabled) ? "auto" : undefined}
        rightSectionPointerEvents="none"
        onChange={(event) => {
          onChange(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={listId} role="listbox" aria-label={label} hidden={!showList} style={LIST_STYLE}>
        {items.map((item, i) => (
          // The keys are the input's (aria-activedescendant points here): the options never take the focus.
          // biome-ignore lint/a11y/useKeyWithClickEvents: arrow keys and Enter on the combobox input choose an option
          <div
            key={itemKey(item)}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === activeIndex}
            // keep the focus in the input: a click chooses without blurring it first
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
            onMouseEnter={() => setActive(i)}
            style={{
              padding: "6px 10px",
              borderRadius: 4,
              cursor: "pointer",
              background: i === activeIndex ? "var(--mantine-primary-color-light)" : undefined,
              outline: i === activeIndex ? "2px solid var(--mantine-primary-color-filled)" : undefined,
              outlineOffset: -2,
            }}
          >
            <span style={{ display: "block" }}>{itemLabel(item)}</span>
            {itemDetail ? (
              <span style={{ display: "block", fontSize: "var(--mantine-font-size-xs)", color: "var(--mantine-color-dimmed)" }}>
                {itemDetail(item)}
              </span>
            ) : null}
          </div>
        ))}
      </div>
      <div aria-live="polite" className="yk-visually-hidden">
        {status}
      </div>
      {showNote && status ? (
        <div
          style={{ ...LIST_STYLE, padding: "6px 10px", fontSize: "var(--mantine-font-size-sm)", color: "var(--mantine-color-dimmed)" }}
          aria-hidden
        >
          {status}
        </div>
      ) : null}
    </div>
  );
}
