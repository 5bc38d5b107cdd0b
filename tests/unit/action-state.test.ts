import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formValues } from '@/components/admin/action-state';
import { fieldErrorsOf } from '@/lib/validation/form-fields';

// Form state goes back to the browser through React's serializer, which refuses objects whose
// prototype is not Object.prototype: the admin forms broke (an error page) when these were
// null-prototype objects.
describe('form state objects', () => {
  it('are plain objects, with prototype-named fields kept harmless', () => {
    const fd = new FormData();
    fd.set('name', 'Verkor');
    fd.set('constructor', 'x');
    fd.set('__proto__', 'y');
    fd.set('$ACTION_ID_abc', '');
    const values = formValues(fd);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(values).toEqual({ name: 'Verkor', constructor: 'x' });
    expect(formValues('not form data' as unknown as FormData)).toEqual({});
  });

  it('field errors are plain objects too, one list per field', () => {
    const result = z.object({ a: z.string(), constructor: z.number() }).safeParse({ a: 1, constructor: 'x' });
    const errors = fieldErrorsOf(result.error!);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(Object.keys(errors).sort()).toEqual(['a', 'constructor']);
    expect(errors.constructor).toHaveLength(1);
  });
});
