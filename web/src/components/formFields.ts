// Field declarations of the form kit: a screen's data.ts lists its form's fields once and
// FormFields (inside FormDialog or a page) draws them, each with the server's error beside it.

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  /** A select whose choices are found by what is typed (`search`). */
  | 'search'
  | 'radio'
  | 'segmented'
  | 'date'
  | 'number'
  | 'checkbox'
  /** A line of text, no control (`label` is the text). */
  | 'note'
  /** Drawn by the screen's `#field-<key>` slot inside the form item (remote pickers, …). */
  | 'custom';

export interface FieldOption {
  value: string | number;
  /** i18n key of the choice's name… */
  label?: string;
  /** …or the name itself (a team, an organization). */
  text?: string;
  testid?: string;
}

/** A condition on the model and the form's context (e.g. `{ editing }`). */
export type FieldCondition<M, C> = (model: M, context: C) => boolean;

/** A model key, or "note-…" for a note (which has no value). */
export type FieldKey<M> = Extract<keyof M, string> | `note-${string}`;

export interface FormField<M, C = undefined> {
  /** The model key; also the field name the server's errors are placed by. */
  key: FieldKey<M>;
  kind: FieldKind;
  /** i18n key of the label (of the text, for a note; of the box's text, for a checkbox). */
  label?: string;
  required?: boolean | FieldCondition<M, C>;
  visible?: FieldCondition<M, C>;
  disabled?: FieldCondition<M, C>;
  /** Choices of a select, radio or segmented field (from the context when they are loaded). */
  options?: readonly FieldOption[] | ((context: C) => readonly FieldOption[]);
  /** The choices of a `search` field for the typed text ('' when the field appears). */
  search?: (query: string, context: C) => Promise<readonly FieldOption[]>;
  /** data-testid of the control; the form's prefix and the key when not given. */
  testid?: string;
  /** i18n key of a muted line under the control. */
  hint?: string;
  /** i18n key of the placeholder. */
  placeholder?: string;
  maxlength?: number;
  inputmode?: string;
  /**
   * Checked in the browser before sending: the field must be filled (`message`: i18n key).
   * The server checks everything again; this only spares a round trip.
   */
  check?: { message: string; whitespace?: boolean; trigger?: 'blur' | 'change' };
  /** Half a row on a wide screen (two such fields side by side); full rows otherwise. */
  half?: boolean;
  /** Further props of the control (min, max, step, rows, type). */
  attrs?: Record<string, unknown>;
}

function holds<M, C>(condition: boolean | FieldCondition<M, C> | undefined, model: M, context: C, otherwise: boolean): boolean {
  if (condition === undefined) return otherwise;
  return typeof condition === 'function' ? condition(model, context) : condition;
}

/** The fields shown for this model and context, in declaration order. */
export function shownFields<M, C>(fields: readonly FormField<M, C>[], model: M, context: C): FormField<M, C>[] {
  return fields.filter((f) => holds(f.visible, model, context, true));
}

export function isRequired<M, C>(field: FormField<M, C>, model: M, context: C): boolean {
  return holds(field.required, model, context, false);
}

export function isDisabled<M, C>(field: FormField<M, C>, model: M, context: C): boolean {
  return holds(field.disabled, model, context, false);
}

export function optionsFor<M, C>(field: FormField<M, C>, context: C): readonly FieldOption[] {
  return typeof field.options === 'function' ? field.options(context) : (field.options ?? []);
}

/** Options from closed-list values and the i18n prefix of their names. */
export function optionsOf(values: readonly string[], labelPrefix: string, testidPrefix?: string): FieldOption[] {
  return values.map((value) => ({
    value,
    label: `${labelPrefix}${value}`,
    ...(testidPrefix ? { testid: `${testidPrefix}${value}` } : {}),
  }));
}

/** What a form's dialog shows besides its state and title: FormDialog's props, declared once in data.ts. */
export interface FormDialogSpec<M, C = undefined> {
  fields: readonly FormField<M, C>[];
  /** data-testid of the dialog. */
  testid: string;
  /** data-testid of the save button ("<testid>-submit" when not given). */
  submitTestid?: string;
  /** Prefix of the controls' data-testid when a field names none. */
  fieldTestidPrefix?: string;
  /** i18n key of the save button. */
  submitLabel?: string;
  submitType?: 'primary' | 'danger' | 'success';
  width?: string;
}
