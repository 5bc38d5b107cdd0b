import { describe, expect, it } from 'vitest';
import { isCommonPassword, NewPasswordSchema, PASSWORD_MIN_LENGTH, passwordProblem } from '@/lib/auth/password-policy';
import { COMMON_PASSWORDS_TEXT } from '@/lib/auth/common-passwords';

describe('password policy', () => {
  it('requires at least 12 characters and at most 128', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('tram-lemon-7')).toBeNull();
    expect(passwordProblem('tram-lemon7')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
  });

  it('refuses well-known passwords of any length, case-insensitively', () => {
    for (const common of ['qwerty123456', 'QWERTY123456', '1q2w3e4r5t6y', 'administrator', 'password1234']) {
      expect(passwordProblem(common), common).toMatch(/too common/);
    }
  });

  it('refuses a common password repeated, padded with a few digits or symbols, or one character repeated', () => {
    expect(isCommonPassword('passwordpassword')).toBe(true);
    expect(isCommonPassword('dragon2024!!')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaaaaa')).toBe(true);
    expect(isCommonPassword('gigafactory-dunkirk-2030')).toBe(false);
  });

  it('refuses the email name inside the password', () => {
    expect(passwordProblem('marie.curie-1867!', { email: 'marie.curie@example.org' })).toMatch(/email/);
  });

  it('ships a list of ten thousand and more common passwords', () => {
    const list = COMMON_PASSWORDS_TEXT.split('\n');
    expect(list.length).toBeGreaterThan(10_000);
    expect(list.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });

  it('is the schema forms use', () => {
    expect(NewPasswordSchema.safeParse('letmein').success).toBe(false);
    expect(NewPasswordSchema.safeParse('correct horse battery staple').success).toBe(true);
  });
});
