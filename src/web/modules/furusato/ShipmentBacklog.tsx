// The year-end backlog per supplier on 出荷依頼 (ShipmentsPage.tsx): 未依頼・依頼済・期限超過・12月寄附分, and for
// the module's managers 「依頼を出す」 for a supplier's all.
import { Paper, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { shipmentBacklog } from "../../../common/api/furusato-followup";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { fm } from "./messages";
import { shipmentKeys, sm } from "./shipment-components";

export function ShipmentBacklog({
  manager,
  enabled,
  requestError,
  onRequestAll,
}: {
  manager: boolean;
  /** false until the caller is known to be staff */
  enabled: boolean;
  /** the last failed request (shown here, above the table) */
  requestError: unknown;
  onRequestAll: (supplierId: string) => Promise<unknown>;
}) {
  const backlog = useQuery({ queryKey: shipmentKeys.backlog, queryFn: () => call(shipmentBacklog), enabled });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="backlog-heading">
      <Title order={2} size="h4" id="backlog-heading" mb="xs">
        {sm.backlogHeading}
      </Title>
      {backlog.data && (
        <Text size="sm" c="dimmed" mb="xs">
          {sm.leadDays(backlog.data.leadDays)}
          {manager ? (
            <AnchorLink to="/furusato/settings" size="sm" underline="always">
              {fm.settingLabels.page}
            </AnchorLink>
          ) : (
            fm.settingLabels.page
          )}
          {sm.leadDaysWhere}
        </Text>
      )}
      <ErrorAlert error={backlog.error ?? requestError} />
      {backlog.data && backlog.data.items.length === 0 ? (
        <Text size="sm" role="status">
          {sm.backlogEmpty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table withTableBorder verticalSpacing="xs" className="yk-table">
            <caption className="yk-visually-hidden">{sm.backlogCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{sm.supplier}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {sm.unrequested}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {sm.requested}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {sm.overdueCount}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {sm.december}
                </Table.Th>
                {manager && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{sm.actions}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(backlog.data?.items ?? []).map((row) => (
                <Table.Tr key={row.supplierId}>
                  <Table.Th scope="row" style={{ fontWeight: 500 }}>
                    {row.supplierName}
                  </Table.Th>
                  <Table.Td style={{ textAlign: "right" }}>{fm.count(row.unrequested)}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{fm.count(row.requested)}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>
                    {row.overdue > 0 ? (
                      <Text span size="sm" fw={700} c="#9b1c1c">
                        ● {fm.count(row.overdue)}
                      </Text>
                    ) : (
                      fm.count(0)
                    )}
                  </Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{fm.count(row.decemberOpen)}</Table.Td>
                  {manager && (
                    <Table.Td>
                      {row.unrequested > 0 && (
                        <ConfirmButton
                          size="compact-sm"
                          aria-label={sm.requestAllLabel(row.supplierName, row.unrequested)}
                          message={sm.requestConfirm(row.supplierName, row.unrequested)}
                          onConfirm={() => onRequestAll(row.supplierId)}
                        >
                          {sm.requestAll(row.unrequested)}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
