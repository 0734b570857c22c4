// 「寄附者名を表示」: the one control of every list that shows donors (寄附台帳, ワンストップ特例, 受領証明書). Names are
// masked (山田 **) until a manager asks; the server records each look in the audit log, and this says so.
import { Button, Group, Text } from "@mantine/core";
import { lm } from "./ledgerMessages";

interface RevealNamesProps {
  /** what the user asked for */
  reveal: boolean;
  /** what the shown list holds (the server's answer) */
  revealed: boolean;
  /** the list is being fetched again */
  busy: boolean;
  onChange: (reveal: boolean) => void;
}

export function RevealNames({ reveal, revealed, busy, onChange }: RevealNamesProps) {
  const t = lm.list;
  return (
    <Group gap="sm" mb="sm" wrap="wrap" className="yk-no-print">
      <Button
        variant={revealed ? "default" : "light"}
        onClick={() => onChange(!reveal)}
        aria-pressed={reveal}
        loading={busy && reveal !== revealed}
      >
        {reveal ? t.hide : t.reveal}
      </Button>
      <Text size="sm" c={revealed ? undefined : "dimmed"} role="status">
        {revealed ? t.revealedNote : t.revealNote}
      </Text>
    </Group>
  );
}
