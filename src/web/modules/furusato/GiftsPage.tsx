// /furusato: 返礼品一覧 with filters (状態, 事業者, キーワード) and rule-finding counts. A supplier's login sees its own
// gifts here (the API filters them).
import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { GIFT_STATUSES, type GiftSummary, listGifts } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { type Column, DataTable } from "../../ui/DataTable";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FindingCounts, FurusatoNav, GiftStatusBadge, SampleBadge, SeverityBadge, yen } from "./components";
import { fm } from "./messages";
import { furusatoKeys, useFurusatoAccess, useSuppliers } from "./queries";

type GiftStatus = (typeof GIFT_STATUSES)[number];

export interface GiftsFilter {
  status?: string;
  supplierId?: string;
  q?: string;
}

export function GiftsPage({ initial }: { initial: GiftsFilter }) {
  const user = useCurrentUser();
  const isPartner = user.role === "partner";
  const [status, setStatus] = useState<GiftStatus | "">(
    GIFT_STATUSES.includes(initial.status as GiftStatus) ? (initial.status as GiftStatus) : "",
  );
  const [supplierId, setSupplierId] = useState(initial.supplierId ?? "");
  const [q, setQ] = useState(initial.q ?? "");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const suppliers = useSuppliers();
  const filter = { status: status || undefined, supplierId: isPartner ? undefined : supplierId || undefined, q: debouncedQ || undefined };
  const gifts = useQuery({
    queryKey: furusatoKeys.gifts(filter),
    queryFn: () => call(listGifts, { query: filter }),
    placeholderData: keepPreviousData,
  });
  // The server says who may register gifts: the module's staff, and a supplier for itself.
  const access = useFurusatoAccess();
  const canCreate = access.data !== undefined && (access.data.manager || access.data.supplierId !== null);

  const columns: Column<GiftSummary>[] = [
    { key: "code", header: fm.list.code, nowrap: true, render: (gift) => <span className="yk-code">{gift.code}</span> },
    {
      key: "title",
      header: fm.list.giftTitle,
      rowHeader: true,
      render: (gift) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/furusato/gifts/$id" params={{ id: gift.id }} fw={600}>
            {gift.title}
          </AnchorLink>
          {gift.isSample && <SampleBadge />}
        </Group>
      ),
    },
    ...(isPartner ? [] : [{ key: "supplier", header: fm.list.supplier, render: (gift: GiftSummary) => gift.supplierName }]),
    { key: "status", header: fm.list.status, nowrap: true, render: (gift) => <GiftStatusBadge status={gift.status} size="sm" /> },
    {
      key: "cost",
      header: fm.list.cost,
      align: "right",
      nowrap: true,
      render: (gift) =>
        gift.deliveries > 1 && gift.procurementCost !== null ? (
          <Stack gap={0} align="flex-end">
            <span>{yen(gift.procurementCost * gift.deliveries)}</span>
            <Text span size="xs" c="dimmed">
              {fm.list.costPerDelivery(yen(gift.procurementCost), gift.deliveries)}
            </Text>
          </Stack>
        ) : (
          yen(gift.procurementCost)
        ),
    },
    {
      key: "findings",
      header: fm.list.findings,
      render: (gift) => <FindingCounts errors={gift.errorCount} warnings={gift.warningCount} />,
    },
    {
      key: "blocked",
      header: fm.list.blocked,
      nowrap: true,
      render: (gift) =>
        gift.blocked ? (
          <SeverityBadge severity="error">{fm.list.blockedYes}</SeverityBadge>
        ) : (
          <Text span size="sm">
            {fm.list.blockedNo}
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={fm.list.title}
        subtitle={isPartner ? fm.list.introPartner : fm.list.intro}
        actions={canCreate ? <ButtonLink to="/furusato/gifts/new">{fm.list.create}</ButtonLink> : null}
      />
      <FurusatoNav />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="furusato-filter-heading">
        <Text id="furusato-filter-heading" fw={700} size="sm" mb="xs">
          {fm.list.filters}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: isPartner ? 2 : 3 }}>
          <NativeSelect
            label={fm.list.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as GiftStatus | "")}
            data={[{ value: "", label: fm.list.allStatuses }, ...GIFT_STATUSES.map((s) => ({ value: s, label: s }))]}
          />
          {!isPartner && (
            <NativeSelect
              label={fm.list.supplier}
              value={supplierId}
              onChange={(e) => setSupplierId(e.currentTarget.value)}
              data={[
                { value: "", label: fm.list.allSuppliers },
                ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })),
              ]}
            />
          )}
          <TextInput
            label={fm.list.text}
            placeholder={fm.list.textPlaceholder}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            maxLength={100}
          />
        </SimpleGrid>
      </Paper>
      <DataTable
        caption={fm.list.caption}
        columns={columns}
        rows={gifts.data?.items}
        rowKey={(gift) => gift.id}
        loading={gifts.isFetching && !gifts.data}
        error={gifts.error}
        empty={fm.list.empty}
        minWidth={960}
      />
    </>
  );
}
