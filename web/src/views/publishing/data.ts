// The publishing screen's declarations: the list's columns and the form's fields, once.
import type { NewColumn, Column } from '@/api/publishing';
import type { Column } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export const column_COLUMNS: Column<Column>[] = [
  { key: 'name', label: 'publishing.fields.name', text: (e) => e.name, card: 'title', minWidth: 160, testid: 'publishing-name' },
  { key: 'note', label: 'publishing.fields.note', text: (e) => e.note, minWidth: 200 },
  { key: 'created_at', label: 'publishing.fields.created_at', text: (e) => e.created_at.slice(0, 10), card: 'meta', width: 120 },
];

export interface ColumnFormModel {
  name: string;
  note: string;
}

export const column_FIELDS: FormField<ColumnFormModel>[] = [
  { key: 'name', kind: 'text', label: 'publishing.fields.name', required: true, maxlength: 100 },
  { key: 'note', kind: 'textarea', label: 'publishing.fields.note', maxlength: 500 },
];

export const column_DIALOG: FormDialogSpec<ColumnFormModel> = {
  fields: column_FIELDS,
  testid: 'publishing-form',
  fieldTestidPrefix: 'publishing-field-',
};

export function emptyColumnForm(): ColumnFormModel {
  return { name: '', note: '' };
}

/** The POST body: trimmed, an empty note left out. */
export function newColumn(form: ColumnFormModel): NewColumn {
  const note = form.note.trim();
  return { name: form.name.trim(), ...(note ? { note } : {}) };
}
