// The form kit's state: one model, the saving flag, the server's field errors placed on the
// fields that show them and a failure line for everything else. FormDialog (and FormFields
// for a form inside a page) draw it; every form of the app uses it.
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, type FieldError } from '@/api/request';
import { useErrorMessage } from './useErrorMessage';

export interface FormOptions<M extends object, R> {
  /** The model when the form opens or is reset. */
  initial: () => M;
  /** Sends the model; what it answers is the result of submit(). */
  send: (model: M) => Promise<R>;
  /** Server field names → form fields where they differ ("membership.member_since" → "member_since"). */
  alias?: Record<string, string>;
  /** Sees a failure before it is shown (e.g. to reveal the fields the server asks for). */
  onError?: (error: unknown) => void;
  /** The failure line for a failure without field errors, where the screen says it better (undefined: the server's message). */
  describe?: (error: unknown) => string | undefined;
}

export type SubmitResult<R> = { ok: true; value: R } | { ok: false };

export interface PlacedErrors {
  /** Messages by form field, for `<el-form-item :error>`. */
  byField: Record<string, string>;
  /** Messages of fields the form does not show. */
  rest: string[];
}

/**
 * Puts each field error on the form field it names (through `alias`, else the last part of a
 * dotted name: "guardian_consent.relation" → "relation") when that field is shown; the others
 * are returned in `rest`, so that no message of the server is lost.
 */
export function placeErrors(errors: FieldError[], shown: readonly string[], alias: Record<string, string> = {}): PlacedErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of errors) {
    const field = alias[e.field] ?? e.field.replace(/^.*\./, '');
    if (!shown.includes(field)) rest.push(e.message);
    else byField[field] = byField[field] ? `${byField[field]}; ${e.message}` : e.message;
  }
  return { byField, rest };
}

/** A form's state (reactive: read `form.saving`, not `.value`). */
export interface FormState<M extends object = Record<string, unknown>, R = unknown> {
  readonly model: M;
  /** The server's messages by form field. */
  readonly errors: Record<string, string>;
  readonly saving: boolean;
  /** The failure line: what is not shown beside a field, or a hint to the fields that are marked. */
  readonly failure: string;
  /** The fields on screen (FormFields keeps this current); null: every key of the model. */
  shown: string[] | null;
  reset(): void;
  clearErrors(): void;
  submit(): Promise<SubmitResult<R>>;
}

export function useForm<M extends object, R>(options: FormOptions<M, R>): FormState<M, R> {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const model = reactive(options.initial()) as M;
  const errors = reactive<Record<string, string>>({});
  const saving = ref(false);
  const failure = ref('');
  const shown = ref<string[] | null>(null);

  function clearErrors(): void {
    for (const key of Object.keys(errors)) delete errors[key];
    failure.value = '';
  }

  function reset(): void {
    Object.assign(model, options.initial());
    clearErrors();
  }

  function showFailure(error: unknown): void {
    if (error instanceof ApiError && error.errors.length) {
      const placed = placeErrors(error.errors, shown.value ?? Object.keys(model), options.alias);
      Object.assign(errors, placed.byField);
      const lines = Object.keys(placed.byField).length ? [t('common.form.fixFields'), ...placed.rest] : placed.rest;
      failure.value = lines.join(' ');
    } else {
      failure.value = options.describe?.(error) ?? errorMessage(error);
    }
  }

  /** Sends the model once at a time; on failure the messages are shown and the result is not ok. */
  async function submit(): Promise<SubmitResult<R>> {
    if (saving.value) return { ok: false };
    saving.value = true;
    clearErrors();
    try {
      return { ok: true, value: await options.send(model) };
    } catch (error) {
      options.onError?.(error);
      showFailure(error);
      return { ok: false };
    } finally {
      saving.value = false;
    }
  }

  return reactive({ model, errors, saving, failure, shown, reset, submit, clearErrors }) as unknown as FormState<M, R>;
}
