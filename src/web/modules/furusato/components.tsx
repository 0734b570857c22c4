// Shared pieces of the furusato screens: status badges, rule-finding counts and panel, module sub-navigation,
// character counters and number parsing.
import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import type { z } from "zod";
import type { GIFT_STATUSES, ruleFinding } from "../../../common/api/furusato";
import { formatNumber, formatYen } from "../../../common/furusato/rules";
import { toNumberInput } from "../../../common/zod-japanese";
import { ModuleNav, type ModuleNavGroup, type ModuleNavLink, type ModuleNavPath } from "../../ui/ModuleNav";
import { type Crumb, PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { lm } from "./ledgerMessages";
import { fm } from "./messages";
import { useFurusatoAccess } from "./queries";

export { SampleBadge } from "../../ui/SampleBadge";

export type Finding = z.infer<typeof ruleFinding>;
type GiftStatus = (typeof GIFT_STATUSES)[number];

const STATUS_TONES: Record<GiftStatus, StatusTone> = {
  入力中: "neutral",
  確認中: "warning",
  承認済: "good",
  ポータル登録済: "done",
  受付停止: "danger",
  取り下げ: "neutral",
};

export function GiftStatusBadge({ status, size }: { status: GiftStatus; size?: "xs" | "sm" | "md" | "lg" }) {
  return <StatusBadge label={status} tone={STATUS_TONES[status]} size={size} />;
}

export function SupplierStatusBadge({ status }: { status: "受付中" | "受付停止" }) {
  return <StatusBadge label={status} tone={status === "受付停止" ? "danger" : "good"} size="sm" />;
}

// Red and yellow with text at ≥ 4.5:1; the ● marker repeats the colour for those who read the list quickly.
const SEVERITY_STYLES = {
  error: { background: "#fdecec", color: "#9b1c1c", borderColor: "#e03131" },
  warning: { background: "#fff4d6", color: "#6b3d00", borderColor: "#e0a800" },
} as const;

export function SeverityBadge({ severity, children }: { severity: "error" | "warning"; children: React.ReactNode }) {
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="outline"
      styles={{ root: { ...SEVERITY_STYLES[severity], textTransform: "none", fontWeight: 700, flexShrink: 0, overflow: "visible" } }}
      leftSection={<span aria-hidden="true">{severity === "error" ? "●" : "▲"}</span>}
    >
      {children}
    </Badge>
  );
}

export function FindingCounts({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0)
    return (
      <Text span size="sm" c="dimmed">
        {fm.status.noIssues}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {errors > 0 && <SeverityBadge severity="error">{fm.status.errors(errors)}</SeverityBadge>}
      {warnings > 0 && <SeverityBadge severity="warning">{fm.status.warnings(warnings)}</SeverityBadge>}
    </Group>
  );
}

export function yen(n: number | null | undefined): string {
  return n === null || n === undefined ? fm.dash : formatYen(n);
}

export { formatNumber };

/** 返礼割合 as "28.5%" (procurement × deliveries ÷ donation amount), or null when it cannot be computed. */
export function returnRatio(procurement: number | null, deliveries: number, amount: number): number | null {
  if (procurement === null || amount <= 0) return null;
  return (procurement * deliveries) / amount;
}

export function percent(ratio: number | null): string {
  if (ratio === null) return fm.dash;
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}

/** "1,234" / "１２３４" / "" → number | null | undefined (undefined: not a number). */
export function parseNumberText(text: string): number | null | undefined {
  const value = toNumberInput(text);
  if (value === undefined) return null;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Code points, as the portals count characters. */
export function charCount(text: string): number {
  return [...text].length;
}

/** "12 / 100文字" under a field, announced politely; red when over the limit. */
export function Counter({ value, max, id }: { value: string; max: number; id?: string }) {
  const n = charCount(value);
  const over = n > max;
  return (
    <Text span id={id} size="xs" c={over ? "#9b1c1c" : "dimmed"} fw={over ? 700 : undefined} aria-live={over ? "polite" : "off"}>
      {over ? fm.form.counterOver(n, max) : fm.form.counter(n, max)}
    </Text>
  );
}

/** 返礼品 / 事業者 / 寄附受付サイト (+ 一括出力 / 出力の記録 for the module's staff) — the module's own sub-navigation. */
/**
 * The module's menu, in groups: 返礼品カタログ, 寄附と事務, 集計・分析, then 設定. Who sees what: everyone 返礼品・事業者・
 * 寄附受付サイト; managers also 一括出力・出力の記録, 受領証明書 and 設定; the staff of the organisation that runs ふるさと納税
 * (access.donors: donors' records are theirs) 寄附台帳・取込・出荷依頼・ワンストップ特例; the city's staff (not suppliers'
 * logins) the 集計・分析 pages; a supplier's login only its own 出荷 besides the catalogue (its four links need no group
 * labels).
 */
/** A page of the module that is not for this login (a supplier's page to the city's staff, or the other way round):
 * its heading and navigation, and why it shows nothing. */
export function NotForThisLogin({ title, breadcrumbs, message }: { title: string; breadcrumbs: Crumb[]; message: string }) {
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} />
      <FurusatoNav />
      <Alert color="yellow" variant="light" role="status">
        {message}
      </Alert>
    </>
  );
}

export function FurusatoNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const access = useFurusatoAccess();
  const manager = access.data?.manager === true;
  const supplier = Boolean(access.data?.supplierId);
  const staff = access.data !== undefined && !supplier;
  const donors = access.data?.donors === true;
  const at = (path: string) => pathname.startsWith(path);
  const link = (to: ModuleNavPath, label: string, active: boolean, show = true): ModuleNavLink[] => (show ? [{ to, label, active }] : []);

  const catalogue: ModuleNavLink[] = [
    ...link("/furusato", fm.nav.gifts, pathname === "/furusato" || at("/furusato/gifts")),
    ...link("/furusato/suppliers", fm.nav.suppliers, at("/furusato/suppliers")),
    ...link("/furusato/portals", fm.nav.portals, at("/furusato/portals")),
    ...link("/furusato/publish", fm.nav.publish, at("/furusato/publish"), manager),
    ...link("/furusato/exports", fm.nav.exports, at("/furusato/exports"), manager),
  ];
  if (supplier) {
    const myShipments = link("/furusato/my-shipments", fm.nav.myShipments, at("/furusato/my-shipments"));
    return <ModuleNav label={fm.nav.label} groups={[{ links: [...catalogue, ...myShipments] }]} />;
  }
  const groups: ModuleNavGroup[] = [
    { label: fm.nav.catalogueGroup, links: catalogue },
    {
      label: fm.nav.officeGroup,
      links: [
        ...link("/furusato/donations", lm.nav.donations, at("/furusato/donations") && !at("/furusato/donations/import"), donors),
        // 取込 covers its 取込設定 (/furusato/mappings) too
        ...link("/furusato/donations/import", lm.nav.import, at("/furusato/donations/import") || at("/furusato/mappings"), donors),
        ...link("/furusato/shipments", fm.nav.shipments, at("/furusato/shipments"), donors),
        ...link("/furusato/one-stop", fm.nav.oneStop, at("/furusato/one-stop"), donors),
        ...link("/furusato/certificates", fm.nav.certificates, at("/furusato/certificates"), manager),
      ],
    },
    {
      label: fm.nav.analysisGroup,
      links: [
        ...link("/furusato/dashboard", fm.nav.dashboard, at("/furusato/dashboard"), staff),
        ...link("/furusato/costs", fm.nav.costs, at("/furusato/costs"), staff),
        // 全国比較 is reference data from outside the city
        ...link("/furusato/comparison", fm.nav.comparison, at("/furusato/comparison"), staff),
      ],
    },
    { links: link("/furusato/settings", fm.nav.settings, at("/furusato/settings"), manager) },
  ];
  return <ModuleNav label={fm.nav.label} groups={groups} />;
}

function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <List size="sm" spacing={4} listStyleType="none" pl={0}>
      {findings.map((finding, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity of their own
        <List.Item key={`${finding.rule}-${finding.field ?? ""}-${i}`}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <SeverityBadge severity={finding.severity}>
              {finding.severity === "error" ? fm.findings.error : fm.findings.warning}
            </SeverityBadge>
            <Text size="sm" component="span">
              {finding.message}
              {finding.needsSecondApproval ? fm.findings.needsApprovalNote : ""}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** The rule engine's findings, grouped: the gift itself, then each portal; errors red, warnings yellow. */
export function FindingsPanel({
  findings,
  blocked,
  portalNames,
}: {
  findings: Finding[];
  blocked: boolean;
  portalNames: Map<string, string>;
}) {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.portalCode ?? "";
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="findings-heading">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} id="findings-heading" className="yk-section-title">
          {fm.findings.heading}
        </Title>
        <FindingCounts errors={errors} warnings={warnings} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.findings.intro}
      </Text>
      {findings.length === 0 ? (
        <Alert color="green" variant="light" role="status">
          {fm.findings.ok}
        </Alert>
      ) : (
        <Stack gap="sm">
          {blocked && (
            <Text size="sm" fw={700} c="#9b1c1c">
              {fm.findings.blocked}
            </Text>
          )}
          {ordered.map(([portalCode, items]) => {
            const groupErrors = items.filter((f) => f.severity === "error");
            const groupWarnings = items.filter((f) => f.severity === "warning");
            const title = portalCode ? fm.findings.portal(portalNames.get(portalCode) ?? portalCode) : fm.findings.giftLevel;
            return (
              <Stack key={portalCode || "gift"} gap={6}>
                <Title order={3} size="h5">
                  {title}
                </Title>
                {groupErrors.length > 0 && (
                  <Alert
                    color="red"
                    variant="light"
                    title={fm.findings.errors(groupErrors.length)}
                    styles={{ root: { borderLeft: "5px solid #e03131" } }}
                  >
                    <FindingList findings={groupErrors} />
                  </Alert>
                )}
                {groupWarnings.length > 0 && (
                  <Alert
                    color="yellow"
                    variant="light"
                    title={fm.findings.warnings(groupWarnings.length)}
                    styles={{ root: { borderLeft: "5px solid #e0a800" } }}
                  >
                    <FindingList findings={groupWarnings} />
                  </Alert>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
