// The gift page's images and evidence, with their uploads.
import { Anchor, Group, List, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { downloadEvidence, type GiftDetail, publicGiftImage, uploadEvidence, uploadGiftImage } from "../../../common/api/furusato";
import {
  type AcceptedTypes,
  DOCUMENT_TYPES,
  DOCUMENT_UPLOAD_MAX_BYTES,
  FILES_PER_GIFT_MAX,
  IMAGE_TYPES,
} from "../../../common/upload-limits";
import { upload, urlFor } from "../../api/client";
import { AttachmentSection } from "../../ui/AttachmentSection";
import { fm } from "./messages";
import { storeGift } from "./queries";

const PUBLIC_IMAGE_PATH = /^\/api\/public\/furusato\/images\/([0-9a-f-]{36})$/i;

/**
 * Where to load a thumbnail from, or null for an address this page does not load. Uploaded images carry their
 * public address (which may name the configured public host): they are loaded through this origin's own path, so
 * the CSP (img-src 'self') allows them. Other hosts typed into 画像のURL are not fetched from the browser.
 */
function thumbnailSrc(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.origin);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const match = PUBLIC_IMAGE_PATH.exec(parsed.pathname);
  if (match?.[1]) return urlFor(publicGiftImage, { params: { fileId: match[1] } });
  return parsed.origin === window.location.origin ? parsed.pathname + parsed.search : null;
}

const THUMB_BOX = { width: 160, height: 120, borderRadius: 4, border: "1px solid var(--mantine-color-gray-4)" } as const;

function Thumbnail({ url, alt, index }: { url: string; alt: string; index: number }) {
  const [broken, setBroken] = useState(false);
  const src = thumbnailSrc(url);
  if (!src) {
    return (
      <Stack gap={2} justify="center" p="xs" style={{ ...THUMB_BOX, overflow: "hidden" }}>
        <Text size="xs" fw={600}>
          {fm.images.external(index)}
        </Text>
        <Text size="xs" style={{ overflowWrap: "anywhere" }}>
          {url}
        </Text>
      </Stack>
    );
  }
  if (broken) {
    return (
      <Stack justify="center" p="xs" style={THUMB_BOX}>
        <Text size="xs">{fm.images.broken(index)}</Text>
      </Stack>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      width={160}
      height={120}
      loading="lazy"
      decoding="async"
      onError={() => setBroken(true)}
      style={{ ...THUMB_BOX, objectFit: "cover", display: "block", background: "var(--mantine-color-gray-0)" }}
    />
  );
}

/** The form's words for one kind of attachment (fm.images, fm.evidence). */
function uploadMessages(t: typeof fm.images | typeof fm.evidence) {
  return {
    submit: t.upload,
    fileLabel: t.uploadLabel,
    fileHelp: t.uploadHelp,
    placeholder: t.placeholder,
    chooseFile: t.chooseFile,
    wrongType: t.wrongType,
    tooLarge: t.tooLarge,
    uploading: t.uploading,
    uploaded: (file: File) => t.uploaded(file.name),
  };
}

interface GiftAttachmentProps {
  gift: GiftDetail;
  canAttach: boolean;
  isOwnSupplier: boolean;
}

/** The section of one kind of the gift's files: its words (fm.images, fm.evidence) and upload form, and `children`
 * listing what is attached. */
function GiftFilesSection({
  kind,
  canAttach,
  isOwnSupplier,
  accept,
  count,
  send,
  children,
}: GiftAttachmentProps & {
  kind: "images" | "evidence";
  accept: AcceptedTypes;
  /** how many files are attached (none: the empty message; at FILES_PER_GIFT_MAX the form closes) */
  count: number;
  send: (file: File) => Promise<GiftDetail>;
  /** the attached files (shown when there are any) */
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const t = fm[kind];
  return (
    <AttachmentSection
      headingId={`${kind}-heading`}
      title={t.heading}
      intro={t.intro}
      readOnlyNote={isOwnSupplier ? t.supplierOnlyDraft : null}
      upload={
        canAttach
          ? {
              headingId: `${kind}-form-heading`,
              accept,
              maxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
              limit: { count, max: FILES_PER_GIFT_MAX, fullMessage: t.full },
              messages: uploadMessages(t),
              upload: send,
              onUploaded: (updated) => storeGift(queryClient, updated),
            }
          : null
      }
    >
      {count === 0 ? <Text size="sm">{t.empty}</Text> : children}
    </AttachmentSection>
  );
}

export function ImagesSection(props: GiftAttachmentProps) {
  const { gift } = props;
  const urls = gift.details.imageUrls;
  const hasExternal = urls.some((url) => thumbnailSrc(url) === null);
  return (
    <GiftFilesSection
      {...props}
      kind="images"
      accept={IMAGE_TYPES}
      count={urls.length}
      send={(file) => upload(uploadGiftImage, { params: { id: gift.id } }, file)}
    >
      <ul aria-label={fm.images.caption} style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: 12 }}>
        {urls.map((url, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: image addresses are positional (the same one may repeat)
          <li key={`${url}-${index}`}>
            <Thumbnail url={url} alt={fm.images.alt(gift.title, index + 1)} index={index + 1} />
          </li>
        ))}
      </ul>
      {hasExternal && (
        <Text size="xs" c="dimmed" mt="xs">
          {fm.images.externalHelp}
        </Text>
      )}
    </GiftFilesSection>
  );
}

// ------------------------------------------------------------------ evidence (地場産品の根拠資料)

export function EvidenceSection(props: GiftAttachmentProps) {
  const { gift } = props;
  const fileIds = gift.details.evidenceFileIds;
  return (
    <GiftFilesSection
      {...props}
      kind="evidence"
      accept={DOCUMENT_TYPES}
      count={fileIds.length}
      send={(file) => upload(uploadEvidence, { params: { id: gift.id } }, file)}
    >
      <List size="sm" spacing={4} aria-label={fm.evidence.caption}>
        {fileIds.map((fileId, index) => (
          <List.Item key={fileId}>
            <Group gap="sm" wrap="wrap">
              <Text span size="sm">
                {fm.evidence.item(index + 1)}
              </Text>
              <Anchor
                href={urlFor(downloadEvidence, { params: { id: gift.id, fileId } })}
                download
                size="sm"
                aria-label={fm.evidence.downloadLabel(index + 1)}
              >
                {fm.evidence.download}
              </Anchor>
            </Group>
          </List.Item>
        ))}
      </List>
    </GiftFilesSection>
  );
}
