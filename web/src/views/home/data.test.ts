import { describe, expect, it } from 'vitest';
import { grantRows } from './data';

describe('grantRows', () => {
  it('puts the current organization first and labels roles', () => {
    const rows = grantRows(
      [
        { organization_id: 1, organization_name: '新疆维吾尔自治区团委', organization_path: '/1/', role: 'committee_admin' },
        { organization_id: 9, organization_name: '风云社区团支部', organization_path: '/1/5/7/9/', role: 'branch_secretary' },
      ],
      9,
    );
    expect(rows.map((r) => r.organizationId)).toEqual([9, 1]);
    expect(rows[0]).toMatchObject({
      isCurrent: true,
      roleKey: 'common.roles.branch_secretary',
      key: '9:branch_secretary',
    });
    expect(rows[1].isCurrent).toBe(false);
  });
});
