// A table row's 編集 and 削除 (the delete asks first), each button naming its row for screen readers; `instead`
// replaces 削除 where the row cannot be deleted (a linked measure says why).
import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { ConfirmButton } from "../../ui/ConfirmButton";

export interface RowEditDeleteLabels {
  edit: string;
  delete: string;
  deleteTitle: (name: string) => string;
  deleteMessage: string;
}

export function RowEditDelete({
  name,
  labels: t,
  onEdit,
  onDelete,
  instead,
}: {
  name: string;
  labels: RowEditDeleteLabels;
  onEdit: () => void;
  onDelete: () => Promise<void>;
  instead?: ReactNode;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={`${t.edit}：${name}`}>
        {t.edit}
      </Button>
      {instead ?? (
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          color="red"
          aria-label={`${t.delete}：${name}`}
          title={t.deleteTitle(name)}
          message={t.deleteMessage}
          confirmLabel={t.delete}
          confirmColor="red"
          onConfirm={onDelete}
        >
          {t.delete}
        </ConfirmButton>
      )}
    </Group>
  );
}
