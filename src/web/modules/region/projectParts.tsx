// Small parts shared by the pages of 連携の枠組みと連携事業: the status badge, the 年度 label in 和暦, and the one-file
// upload (協定の文書, 年次報告の資料) with its label, checks and status line.
import { Button, FileInput, Group, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { Contract } from "../../../common/api/contract";
import type { ProjectStatus } from "../../../common/region/partnerships";
import { ATTACHMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { upload } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { pjm } from "./projectMessages";

const TONES: Record<ProjectStatus, StatusTone> = {
  concept: "neutral",
  negotiating: "warning",
  agreed: "good",
  running: "done",
  ended: "neutral",
};

export function ProjectStatusBadge({ status, size = "sm" }: { status: ProjectStatus; size?: "xs" | "sm" | "md" }) {
  return <StatusBadge label={pjm.statuses[status]} tone={TONES[status]} size={size} />;
}

/** One file for a record: choose, check type and size, upload; the caller refreshes its query on success. */
export function SingleFileUpload<C extends Contract<z.ZodType, z.ZodType, z.ZodType, z.ZodType>>({
  contract,
  params,
  label,
  onUploaded,
}: {
  contract: C;
  params: Record<string, string | number>;
  label: string;
  onUploaded: () => Promise<unknown>;
}) {
  const flash = useFlash();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (chosen: File) => upload(contract, { params } as never, chosen),
    onSuccess: async () => {
      const name = file?.name ?? "";
      setFile(null);
      await onUploaded();
      flash.show(pjm.framework.uploaded(name));
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!file) return setProblem(pjm.upload.none);
        if (file.size > DOCUMENT_UPLOAD_MAX_BYTES) return setProblem("ファイルが大きすぎます（10MBまで）。");
        setProblem(null);
        send.mutate(file);
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <FileInput
          label={label}
          value={file}
          onChange={setFile}
          accept={[...ATTACHMENT_TYPES.mimeTypes, ...ATTACHMENT_TYPES.extensions].join(",")}
          error={problem}
          clearable
          w={320}
          size="xs"
        />
        <Button type="submit" size="xs" variant="default" loading={send.isPending}>
          {pjm.upload.send}
        </Button>
      </Group>
      {send.error ? <ErrorAlert error={send.error} /> : null}
      <Text size="xs" c="dimmed" aria-live="polite">
        {send.isPending ? `${file?.name ?? ""} をアップロードしています…` : ""}
      </Text>
    </form>
  );
}
