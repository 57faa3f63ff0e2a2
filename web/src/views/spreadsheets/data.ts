import type { ImportJob, ImportStatus, RowError } from '@/api/spreadsheets';
import type { Column } from '@/components/dataList';

export const POLL_MS = 700;

/** Statuses where the server is still working and the screen keeps polling. */
export function isRunning(status: ImportStatus): boolean {
  return status === 'validating' || status === 'importing';
}

/** Progress of the running step in percent (0..100). */
export function progressPercent(
  job: Pick<ImportJob, 'status' | 'processed_rows' | 'total_rows'> & Partial<Pick<ImportJob, 'importing_rows'>>,
): number {
  if (job.status === 'done' || job.status === 'validated') return 100;
  const total = job.status === 'importing' ? (job.importing_rows ?? job.total_rows) : job.total_rows;
  if (!total) return 0;
  return Math.min(100, Math.round((job.processed_rows / total) * 100));
}

export interface CommitChoices {
  /** "Import all": only when every row is valid. */
  all: boolean;
  /** "Import only the good rows": when some rows are valid. */
  validOnly: boolean;
}

export function commitChoices(job: Pick<ImportJob, 'status' | 'valid_rows' | 'error_rows'> | null): CommitChoices {
  if (!job || job.status !== 'validated') return { all: false, validOnly: false };
  return { all: job.error_rows === 0 && job.valid_rows > 0, validOnly: job.valid_rows > 0 && job.error_rows > 0 };
}

export interface ErrorRow extends RowError {
  key: string;
  place: string;
}

/** Errors in file order, each with "line 4, column F (身份证号码)" style place text parts. */
export function errorRows(errors: RowError[]): ErrorRow[] {
  return [...errors]
    .sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''))
    .map((e, i) => ({
      ...e,
      key: `${e.line}:${e.column ?? ''}:${i}`,
      place: e.column ? `${e.column}${e.header ? ` (${e.header})` : ''}` : '',
    }));
}

/** Every bad row: a table on a desk ("4 | F (身份证号码) | …"), cards on a phone ("第 4 行 · F …"). */
export const ERROR_COLUMNS: Column<ErrorRow>[] = [
  {
    key: 'line',
    label: 'spreadsheets.import.lineHeader',
    text: (e) => e.line,
    cardText: (e, t) => t('spreadsheets.import.line', { n: e.line }),
    width: 80,
    card: 'title',
  },
  { key: 'place', label: 'spreadsheets.import.columnHeader', text: (e) => e.place, minWidth: 160, card: 'meta' },
  { key: 'message', label: 'spreadsheets.import.messageHeader', text: (e) => e.message, minWidth: 280, card: 'text' },
];

/** A file the import accepts, judged by its name (the server checks the content). */
export function acceptedFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}
