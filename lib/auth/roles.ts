// Roles, from most to least powerful. Pure, so pages and the data layer agree on the order.
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { admin: 3, editor: 2, viewer: 1 };

/** True when `role` includes everything `required` may do. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin (users and data)',
  editor: 'Editor (data)',
  viewer: 'Viewer (read only)',
};
