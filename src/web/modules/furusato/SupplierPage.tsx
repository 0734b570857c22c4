// /furusato/suppliers/$id: a supplier's details (with the contact and bank forms), its 検査・受付停止・解除 records
// (SupplierEvents.tsx), its 提出書類 (SupplierDocuments.tsx) and the form to create its own login (SupplierAccountForm.tsx).
import { Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import type { SupplierDetail } from "../../../common/api/furusato";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, SampleBadge, SupplierStatusBadge } from "./components";
import { fm } from "./messages";
import { useFurusatoAccess, useSupplier } from "./queries";
import { SupplierAccountForm } from "./SupplierAccountForm";
import { BankDisplay, BankEditForm, ContactEditForm } from "./SupplierContactForms";
import { SupplierDocuments } from "./SupplierDocuments";
import { SupplierEvents } from "./SupplierEvents";

export function SupplierPage({ id }: { id: string }) {
  const supplier = useSupplier(id);
  if (supplier.error) {
    return (
      <>
        <PageHeader
          title={fm.supplier.notFound}
          breadcrumbs={[{ label: fm.suppliers.title, href: "/furusato/suppliers" }, { label: fm.supplier.notFound }]}
        />
        <ErrorAlert error={supplier.error} />
      </>
    );
  }
  if (!supplier.data) return <Loader aria-label={m.common.loading} />;
  return <SupplierView supplier={supplier.data} />;
}

function SupplierView({ supplier }: { supplier: SupplierDetail }) {
  // The API refuses these to anyone but the module's staff; the access endpoint says who they are.
  const access = useFurusatoAccess();
  const mayManage = access.data?.manager === true;
  const isOwnSupplier = access.data?.supplierId != null && access.data.supplierId === supplier.id;
  const [editing, setEditing] = useState<"contact" | "bank" | null>(null);
  const info: [string, string][] = [
    [fm.suppliers.code, supplier.code],
    [fm.suppliers.contactName, supplier.contactName || fm.dash],
    [fm.suppliers.contactPhone, supplier.contactPhone || fm.dash],
    [fm.suppliers.contactEmail, supplier.contactEmail || fm.dash],
    [fm.suppliers.address, supplier.address || fm.dash],
  ];
  return (
    <>
      <PageHeader
        title={supplier.name}
        breadcrumbs={[{ label: fm.suppliers.title, href: "/furusato/suppliers" }, { label: supplier.name }]}
        badges={
          <>
            <SupplierStatusBadge status={supplier.status} />
            {supplier.isSample && <SampleBadge />}
          </>
        }
        actions={
          <AnchorLink to="/furusato" search={{ supplierId: supplier.id }}>
            {fm.supplier.giftsLink(supplier.giftCount)}
          </AnchorLink>
        }
      />
      <FurusatoNav />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="supplier-info-heading">
          <Title order={2} id="supplier-info-heading" mb="sm" className="yk-section-title">
            {fm.supplier.infoHeading}
          </Title>
          <dl className="yk-furusato-dl">
            {info.map(([term, value]) => (
              <Fragment key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
            <dt>{fm.suppliers.bank}</dt>
            <dd>
              {supplier.bank === null ? (
                <Text size="sm" c="dimmed" component="span">
                  {fm.suppliers.bankHidden}
                </Text>
              ) : (
                <BankDisplay bank={supplier.bank} />
              )}
            </dd>
          </dl>
          {(mayManage || isOwnSupplier) && editing === null && (
            <Group mt="md" gap="sm">
              <Button variant="default" onClick={() => setEditing("contact")}>
                {fm.contact.edit}
              </Button>
              {mayManage && (
                <Button variant="default" onClick={() => setEditing("bank")}>
                  {fm.bank.edit}
                </Button>
              )}
            </Group>
          )}
          {editing === "contact" && <ContactEditForm supplier={supplier} onDone={() => setEditing(null)} />}
          {editing === "bank" && mayManage && <BankEditForm supplier={supplier} onDone={() => setEditing(null)} />}
        </Paper>

        <SupplierEvents supplier={supplier} mayManage={mayManage} />

        <SupplierDocuments supplier={supplier} canUpload={mayManage || isOwnSupplier} />

        {mayManage && supplier.organisationId && <SupplierAccountForm supplier={supplier} />}
      </Stack>
    </>
  );
}
