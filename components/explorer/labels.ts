/** Readable names for enum values the explorer shows (ORIGIN_LABELS and friends live in lib/domain/labels.ts). */
export const SEGMENT_LABELS: Record<string, string> = {
  ev: 'Electric vehicles', ess: 'Stationary storage', ev_and_ess: 'EV and storage', industrial: 'Industrial', unknown: 'Not disclosed',
};

export const CONTRACT_KIND_LABELS: Record<string, string> = {
  cell_supply: 'Cell supply', captive_jv_supply: 'Captive (JV) supply', captive_group_supply: 'Captive (group) supply',
  ess_supply: 'Storage supply', module_supply: 'Module supply', mou: 'Memorandum of understanding', power_supply: 'Power supply',
};

export const CONTRACT_STATUS_LABELS: Record<string, string> = {
  planned: 'Planned', active: 'Active', cancelled: 'Cancelled', terminated: 'Terminated', disrupted: 'Disrupted',
  superseded: 'Superseded', expired: 'Expired',
};

export const COMPANY_STATUS_LABELS: Record<string, string> = {
  active: 'Active', insolvent: 'Insolvent', acquired: 'Acquired', dissolved: 'Dissolved',
};

export const PARTNER_ROLE_LABELS: Record<string, string> = {
  jv_partner: 'JV partner', shareholder: 'Shareholder', investor: 'Investor', technology_partner: 'Technology partner',
};
