// The e2e admin's credentials. Kept apart from admin-users.ts so Playwright specs can import
// them without loading server-only modules. Override with E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD.
export const E2E_ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'e2e-admin@voltrack.test',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'battery-cells-gigafactory-e2e',
  name: 'E2E Admin',
};
