import { describe, expect, it } from 'vitest';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard';

const today = '2026-11-28';

describe('dashboard URL parameters', () => {
  it('default to macro-regions, announced, today, 2030', () => {
    const { params, notices } = parseDashboardParams({}, today);
    expect(params).toMatchObject({ group: 'macro', scenario: 'announced', asOf: today, year: 2030, pack: 59 });
    expect(notices).toEqual([]);
  });
  it('parse valid values', () => {
    const { params, weights } = parseDashboardParams({ group: 'country', scenario: 'risk_weighted', asOf: '2024-01-01', year: '2027', w_an: '0.5' }, today);
    expect(params).toMatchObject({ group: 'country', scenario: 'risk_weighted', asOf: '2024-01-01', year: 2027 });
    expect(weights.announced).toBe(0.5);
  });
  it('fall back per parameter with a notice, never throw', () => {
    const { params, notices } = parseDashboardParams({ group: 'planets', asOf: '2099-01-01', year: 'abc', w_op: '7', pack: ['80', '90'] }, today);
    expect(params).toMatchObject({ group: 'macro', asOf: today, year: 2030, w_op: 1, pack: 80 });
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^Ignored group=“planets”: one of /);
  });
  it('round-trip through the URL, leaving defaults out', () => {
    const { params } = parseDashboardParams({ group: 'company', asOf: '2023-06-30' }, today);
    const query = dashboardQuery(params, today);
    expect(query).toBe('?group=company&asOf=2023-06-30');
    const again = parseDashboardParams(Object.fromEntries(new URLSearchParams(query)), today);
    expect(again.params).toEqual(params);
  });
});
