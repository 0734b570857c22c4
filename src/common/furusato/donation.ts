// 寄附 (donation) as the ledger keeps it, whatever portal it came from. Money is integer yen, dates ISO "YYYY-MM-DD".

export const PAYMENT_METHODS = ["クレジットカード", "銀行振込", "郵便振替", "コンビニ払い", "キャリア決済", "その他"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const DONATION_STATUSES = ["入金待ち", "入金済", "キャンセル"] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

export const DONOR_GENDERS = ["男性", "女性", "その他", "回答なし"] as const;
export type DonorGender = (typeof DONOR_GENDERS)[number];

/** The six cost categories of the national 現況調査 (募集等に伴う費用). */
export const COST_CATEGORIES = ["調達", "送付", "広報", "決済等", "事務", "その他"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const SHIPMENT_STATUSES = ["未依頼", "依頼済", "発送済", "取消"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const ONE_STOP_STATUSES = ["未着", "受付", "不備", "受理"] as const;
export type OneStopStatus = (typeof ONE_STOP_STATUSES)[number];
/** 不足書類 of a ワンストップ特例申請 (the 個人番号 itself is never stored) */
export const ONE_STOP_DOCUMENTS = ["申請書", "個人番号確認書類", "本人確認書類", "署名"] as const;
export type OneStopDocument = (typeof ONE_STOP_DOCUMENTS)[number];

export interface Donor {
  name: string;
  kana: string | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  gender: DonorGender | null;
}

export interface ShipTo {
  name: string;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
}

export interface DonationItem {
  giftCode: string;
  quantity: number;
}

/** One donation read from a portal's file, ready for the ledger. */
export interface DonationRecord {
  portalCode: string;
  orderNumber: string;
  appliedOn: string;
  paidOn: string | null;
  /** 寄附日: card payments count from the application date, transfers from the payment date */
  donatedOn: string;
  paymentMethod: PaymentMethod;
  amount: number;
  status: DonationStatus;
  fundUseCode: string | null;
  isResident: boolean;
  oneStopWish: boolean;
  publicationConsent: boolean;
  donor: Donor;
  /** null: send to the donor */
  shipTo: ShipTo | null;
  items: DonationItem[];
}

/**
 * 寄附日 by payment method: card (and other instant payments) count from the application, transfers from payment.
 * An unpaid transfer is dated by its application until the payment arrives.
 */
export function donationDate(method: PaymentMethod, appliedOn: string, paidOn: string | null): string {
  const countsFromPayment = method === "銀行振込" || method === "郵便振替" || method === "コンビニ払い";
  return countsFromPayment ? (paidOn ?? appliedOn) : appliedOn;
}

/** ワンストップ特例の申請期限: 1月10日 of the year after the donation (calendar year). */
export function oneStopDeadline(donatedOn: string): string {
  return `${Number(donatedOn.slice(0, 4)) + 1}-01-10`;
}
