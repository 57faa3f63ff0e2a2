// The cadres screen's declarations: the list's columns and the form's fields, once.
import type { NewContact, Contact } from '@/api/cadres';
import type { Column } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export const contact_COLUMNS: Column<Contact>[] = [
  { key: 'name', label: 'cadres.fields.name', text: (e) => e.name, card: 'title', minWidth: 160, testid: 'cadres-name' },
  { key: 'note', label: 'cadres.fields.note', text: (e) => e.note, minWidth: 200 },
  { key: 'created_at', label: 'cadres.fields.created_at', text: (e) => e.created_at.slice(0, 10), card: 'meta', width: 120 },
];

export interface ContactFormModel {
  name: string;
  note: string;
}

export const contact_FIELDS: FormField<ContactFormModel>[] = [
  { key: 'name', kind: 'text', label: 'cadres.fields.name', required: true, maxlength: 100 },
  { key: 'note', kind: 'textarea', label: 'cadres.fields.note', maxlength: 500 },
];

export const contact_DIALOG: FormDialogSpec<ContactFormModel> = {
  fields: contact_FIELDS,
  testid: 'cadres-form',
  fieldTestidPrefix: 'cadres-field-',
};

export function emptyContactForm(): ContactFormModel {
  return { name: '', note: '' };
}

/** The POST body: trimmed, an empty note left out. */
export function newContact(form: ContactFormModel): NewContact {
  const note = form.note.trim();
  return { name: form.name.trim(), ...(note ? { note } : {}) };
}
