// A radio group as a real fieldset/legend: native radios, so arrow keys move between them and the legend names them.
import { Fieldset, Group, Radio, Text } from "@mantine/core";
import { useId } from "react";

export function RadioFieldset<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
  description,
  disabled,
}: {
  legend: string;
  name: string;
  value: V | "";
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string;
  /** a line under the legend that says what the choice does */
  description?: string;
  disabled?: boolean;
}) {
  const errorId = useId();
  const descriptionId = useId();
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      aria-invalid={error ? true : undefined}
      aria-describedby={[description ? descriptionId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined}
      disabled={disabled}
      styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
    >
      {description && (
        <Text id={descriptionId} size="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Group gap="md" wrap="wrap">
        {options.map((option) => (
          <Radio
            key={option.value}
            name={name}
            value={option.value}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
        ))}
      </Group>
      {error && (
        <Text id={errorId} size="xs" c="#c92a2a" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
