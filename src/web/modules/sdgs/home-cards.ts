// The cards of the SDGs home page, one per staff page of the module (each part of the module adds its own line).
export interface HomeCard {
  href: string;
  label: string;
  description: string;
}

export const SDGS_HOME_CARDS: readonly HomeCard[] = [];
