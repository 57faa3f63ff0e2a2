// The __MODULE__ screen's declarations: the list's columns and the form's fields, once.
import type { New__Entity__, __Entity__ } from '@/api/__MODULE__';
import type { Column } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export const __ENTITY___COLUMNS: Column<__Entity__>[] = [
  { key: 'name', label: '__MODULE__.fields.name', text: (e) => e.name, card: 'title', minWidth: 160, testid: '__MODULE__-name' },
  { key: 'note', label: '__MODULE__.fields.note', text: (e) => e.note, minWidth: 200 },
  { key: 'created_at', label: '__MODULE__.fields.created_at', text: (e) => e.created_at.slice(0, 10), card: 'meta', width: 120 },
];

export interface __Entity__FormModel {
  name: string;
  note: string;
}

export const __ENTITY___FIELDS: FormField<__Entity__FormModel>[] = [
  { key: 'name', kind: 'text', label: '__MODULE__.fields.name', required: true, maxlength: 100 },
  { key: 'note', kind: 'textarea', label: '__MODULE__.fields.note', maxlength: 500 },
];

export const __ENTITY___DIALOG: FormDialogSpec<__Entity__FormModel> = {
  fields: __ENTITY___FIELDS,
  testid: '__MODULE__-form',
  fieldTestidPrefix: '__MODULE__-field-',
};

export function empty__Entity__Form(): __Entity__FormModel {
  return { name: '', note: '' };
}

/** The POST body: trimmed, an empty note left out. */
export function new__Entity__(form: __Entity__FormModel): New__Entity__ {
  const note = form.note.trim();
  return { name: form.name.trim(), ...(note ? { note } : {}) };
}
