// /public/sdgs/invitation/$token: a registrant of the former 北九州SDGs登録制度 opens the link the city sent, sees the
// company's name and 登録番号, and registers the account with the sign-up form (name and 法人番号 filled in). An
// unknown, used or expired link shows one message and the way to the ordinary sign-up.
import { Alert, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { acceptInvitation } from "../../../common/api/sdgs-accounts";
import { call } from "../../api/client";
import { DetailField } from "../../ui/DetailField";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { isNotFound } from "../../ui/errors";
import { Loading } from "../../ui/Loading";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { am } from "./accountMessages";
import { usePublicInvitation } from "./accountQueries";
import { AccountCreated, CompanyAccountForm } from "./PublicRegisterPage";

const t = am.invitationPage;

export function PublicInvitationPage({ token }: { token: string }) {
  const invitation = usePublicInvitation(token);
  const [created, setCreated] = useState<string | null>(null);
  if (created)
    return (
      <>
        <PageHeader title={t.title} />
        <AccountCreated loginId={created} />
      </>
    );
  if (invitation.isPending) return <Loading />;
  if (invitation.error)
    return (
      <>
        <PageHeader title={t.title} />
        {isNotFound(invitation.error) ? (
          <Alert color="orange" variant="light" title={t.invalidTitle}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t.invalid}</Text>
              <AnchorLink to="/public/sdgs/register">{t.toRegister}</AnchorLink>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={invitation.error} />
        )}
      </>
    );
  const data = invitation.data;
  return (
    <>
      <PageHeader title={t.title} subtitle={t.intro(data.companyName)} />
      <CompanyAccountForm
        initial={{
          companyName: data.companyName.slice(0, 100),
          corporateNumber: data.corporateNumber ?? "",
        }}
        submitLabel={t.submit}
        send={(body) => call(acceptInvitation, { params: { token }, body })}
        done={setCreated}
        intro={
          <Stack gap="xs">
            {data.formerRegistrationNumber && <DetailField label={t.former}>{data.formerRegistrationNumber}</DetailField>}
            <DetailField label={t.expires}>
              <DateTimeText timestamp={data.expiresAt} />
            </DetailField>
          </Stack>
        }
      />
    </>
  );
}
