import { reactive } from 'vue';
import { ApiError } from '@/api/request';

/**
 * The server's field-level validation messages (ApiError.errors), keyed by form field,
 * for `<el-form-item :error="errors.x">`. `alias` maps server field names to form fields
 * ("membership.member_since" → "member_since").
 */
export function useFieldErrors(alias: Record<string, string> = {}) {
  const errors = reactive<Record<string, string>>({});

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  /** Puts the error's field messages on the fields; true when it had any. */
  function apply(error: unknown): boolean {
    clear();
    if (!(error instanceof ApiError) || !error.errors.length) return false;
    for (const e of error.errors) {
      const field = alias[e.field] ?? e.field.replace(/^.*\./, '');
      errors[field] = errors[field] ? `${errors[field]}; ${e.message}` : e.message;
    }
    return true;
  }

  return { errors, clear, apply };
}
