export interface HeaderRule { source: string; headers: { key: string; value: string }[] }
export function publicContentSecurityPolicy(options?: { frameable?: boolean }): string;
export function adminContentSecurityPolicy(nonce: string): string;
export function baseSecurityHeaders(options: { production: boolean }): { key: string; value: string }[];
export function securityHeaderRules(options: { production: boolean }): HeaderRule[];
