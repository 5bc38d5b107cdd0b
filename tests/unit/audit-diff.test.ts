import { describe, expect, it } from 'vitest';
import { diffSnapshots, fieldLabel, formatValue } from '@/components/admin/audit-diff';

describe('audit diffs', () => {
  it('lists only changed fields as before → after, without bookkeeping columns', () => {
    expect(diffSnapshots({ city: 'A', name: 'X', version: 1, status: 'announced' }, { city: 'B', name: 'X', version: 2, status: 'paused' }))
      .toEqual([{ field: 'city', before: 'A', after: 'B' }, { field: 'status', before: 'announced', after: 'paused' }]);
  });
  it('shows a creation as its non-empty values', () => {
    expect(diffSnapshots(null, { name: 'New', notes: null })).toEqual([{ field: 'name', before: null, after: 'New' }]);
  });
  it('labels fields and values for people', () => {
    expect(fieldLabel('operatorId')).toBe('operator');
    expect(fieldLabel('gwhPerYear')).toBe('gwh per year');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(true)).toBe('yes');
  });
});
