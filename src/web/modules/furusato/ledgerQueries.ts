// Server state of the donation ledger's screens (寄附台帳・取込・取込設定): TanStack Query keys and hooks. Every key
// starts with "furusato" so that invalidating furusatoKeys.all refreshes these too.
import { useQuery } from "@tanstack/react-query";
import { getDonation, getMapping, listFundUses, listMappings } from "../../../common/api/furusato-ledger";
import { DONATION_STATUSES, DONOR_GENDERS, PAYMENT_METHODS } from "../../../common/furusato/donation";
import type { MappedField } from "../../../common/furusato/donation-mapping";
import { call } from "../../api/client";
import { lm } from "./ledgerMessages";
import { useAllGifts } from "./queries";

export const ledgerKeys = {
  donations: ["furusato", "donations"] as const,
  donationList: (query: object) => ["furusato", "donations", query] as const,
  donation: (id: string) => ["furusato", "donation", id] as const,
  mappings: ["furusato", "donation-mappings"] as const,
  mapping: (id: string) => ["furusato", "donation-mappings", id] as const,
  imports: ["furusato", "donation-imports"] as const,
  importList: (page: number, pageSize: number) => ["furusato", "donation-imports", page, pageSize] as const,
  fundUses: ["furusato", "fund-uses"] as const,
};

export function useMappings() {
  return useQuery({ queryKey: ledgerKeys.mappings, queryFn: () => call(listMappings), staleTime: 30_000 });
}

export function useMapping(id: string) {
  return useQuery({ queryKey: ledgerKeys.mapping(id), queryFn: () => call(getMapping, { params: { id } }) });
}

export function useFundUses(enabled = true) {
  return useQuery({ queryKey: ledgerKeys.fundUses, queryFn: () => call(listFundUses), enabled, staleTime: 60_000 });
}

export function useDonation(id: string) {
  return useQuery({ queryKey: ledgerKeys.donation(id), queryFn: () => call(getDonation, { params: { id } }) });
}

export interface TargetOption {
  value: string;
  label: string;
}

/** 市内在住・ワンストップ特例申請・氏名公表: their value maps translate to はい / いいえ (sent as "true" / "false"). */
export const FLAG_FIELDS: readonly MappedField[] = ["resident", "oneStopWish", "publicationConsent"];

const list = (values: readonly string[]): TargetOption[] => values.map((value) => ({ value, label: value }));

/**
 * The ledger's values a portal word may be mapped to, per field (決済方法・入金状況・性別 from the domain lists,
 * 使い道 from the master, 返礼品 from the catalog, はい / いいえ for the flags). Loads the master and the catalog only
 * when one of `fields` needs them.
 */
export function useValueTargets(fields: readonly MappedField[]): {
  options: (field: MappedField) => TargetOption[];
  loading: boolean;
} {
  const needFunds = fields.includes("fundUse");
  const needGifts = fields.includes("giftCode");
  const funds = useFundUses(needFunds);
  const gifts = useAllGifts(needGifts);
  return {
    loading: (needFunds && funds.isPending) || (needGifts && gifts.isPending),
    options: (field) => {
      switch (field) {
        case "paymentMethod":
          return list(PAYMENT_METHODS);
        case "status":
          return list(DONATION_STATUSES);
        case "donorGender":
          return list(DONOR_GENDERS);
        case "fundUse":
          return (funds.data?.items ?? []).filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }));
        case "giftCode":
          return (gifts.data?.items ?? []).map((g) => ({ value: g.code, label: `${g.code} ${g.title}` }));
        default:
          return FLAG_FIELDS.includes(field)
            ? [
                { value: "true", label: lm.targets.yes },
                { value: "false", label: lm.targets.no },
              ]
            : [];
      }
    },
  };
}
