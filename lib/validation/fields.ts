import { z } from 'zod';

export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'lowercase words joined by hyphens' }).max(120);
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 code, e.g. FR' });
export const YearSchema = z.number().int().min(2000, { error: 'year must be 2000 or later' }).max(2060, { error: 'year must be 2060 or earlier' });
export const GwhSchema = z.number().min(0, { error: 'GWh/yr cannot be negative' }).max(10_000, { error: 'GWh/yr above 10,000 is not a plant' });
export const IsoDateSchema = z.iso.date({ error: 'a date as YYYY-MM-DD' });
export const RefSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/, { error: 'letters, digits and / _ . - (max 64)' });
export const UrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000);

export const PlantStatusSchema = z.enum(['announced', 'under_construction', 'operational', 'paused', 'cancelled']);
export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);
export const RegionLevelSchema = z.enum(['macro', 'country', 'nuts1', 'nuts2']);
export const OwnershipOriginSchema = z.enum(['european', 'chinese', 'korean', 'japanese', 'us', 'taiwanese', 'other']);
export const CompanyStatusSchema = z.enum(['active', 'insolvent', 'acquired', 'dissolved']);
export const FacilityTypeSchema = z.enum(['cell_gigafactory', 'cell_small', 'cell_pilot', 'module_pack']);
export const SegmentSchema = z.enum(['ev', 'ess', 'ev_and_ess', 'industrial', 'unknown']);
export const ChemistryFamilySchema = z.enum(['nmc', 'lfp', 'lmfp', 'nca', 'lmo', 'solid_state', 'lmp', 'sodium_ion', 'mixed', 'unknown']);
export const CapacityScopeSchema = z.enum(['milestone', 'long_term']);
export const ContractKindSchema = z.enum(['cell_supply', 'captive_jv_supply', 'captive_group_supply', 'ess_supply', 'module_supply', 'mou', 'power_supply']);
export const ContractStatusSchema = z.enum(['planned', 'active', 'cancelled', 'terminated', 'disrupted', 'superseded', 'expired']);
export const VolumeBasisSchema = z.enum(['per_year', 'total']);
export const PartnerRoleSchema = z.enum(['jv_partner', 'shareholder', 'investor', 'technology_partner']);
export const OwnershipRoleSchema = z.enum(['operator', ...PartnerRoleSchema.options]);
export const SourceTierSchema = z.enum(['primary', 'major', 'trade', 'weak']);
