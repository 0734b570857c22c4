// /public/sdgs/check: 認証の確認, no sign-in — a certificate number in, the certificate's state today (有効・期限切れ・
// 取消し・更新済み), the company, tier and validity in 和暦 out; an unknown number shows the API's message.
import { Alert, Button, Group, Paper, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { DetailField } from "../../ui/DetailField";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { TierBadge } from "./PublicRegistryPage";
import { rm } from "./registryMessages";
import { useCertificateCheck } from "./registryQueries";

/** The check form and its result; the banks' page shows it too. */
export function CertificateCheck({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [draft, setDraft] = useState("");
  const [number, setNumber] = useState<string | null>(null);
  const result = useCertificateCheck(number);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  function submit(event: FormEvent) {
    event.preventDefault();
    setNumber(draft.trim() || null);
  }

  const c = result.data;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="form" role="search" aria-label={rm.check.title} onSubmit={submit}>
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label={rm.check.number}
            description={rm.check.numberHint}
            value={draft}
            maxLength={30}
            required
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ minWidth: 260 }}
          />
          <Button type="submit" loading={result.isFetching}>
            {rm.check.submit}
          </Button>
        </Group>
      </Paper>
      <div aria-live="polite">
        <ErrorAlert error={result.error} />
        {c && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Heading style={{ margin: 0, fontSize: "1.1rem" }}>
                {rm.check.result}: {c.certificateNumber}
              </Heading>
              <Alert color={c.state === "valid" ? "green" : "red"} variant="light" title={`${rm.check.state}: ${c.stateLabel}`}>
                <DateText iso={c.asOf} western="title" />
                {rm.check.asOfSuffix}
              </Alert>
              <DetailField label={rm.check.company}>
                <Group gap={6}>
                  {c.companyName}
                  {c.isSample && <SampleBadge />}
                </Group>
              </DetailField>
              <DetailField label={rm.corporateNumber}>{c.corporateNumber ?? rm.dash}</DetailField>
              <DetailField label={rm.check.tier}>
                <TierBadge name={c.tierName} rank={c.tierRank} />
              </DetailField>
              <DetailField label={rm.check.validity}>
                <DateText iso={c.validFrom} /> 〜 <DateText iso={c.validUntil} />
              </DetailField>
              {c.successorNumber && <DetailField label={rm.check.successor}>{c.successorNumber}</DetailField>}
            </Stack>
          </Paper>
        )}
      </div>
    </Stack>
  );
}

export function PublicCertificateCheckPage() {
  return (
    <>
      <PageHeader
        title={rm.check.title}
        subtitle={rm.check.intro}
        breadcrumbs={[{ label: rm.publicHome, href: "/public" }, { label: rm.title, href: "/public/sdgs" }, { label: rm.check.title }]}
      />
      <Stack gap="lg">
        <CertificateCheck />
        <AnchorLink to="/public/sdgs">{rm.check.back}</AnchorLink>
      </Stack>
    </>
  );
}
