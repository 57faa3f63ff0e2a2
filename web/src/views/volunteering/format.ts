// Formatting shared by the volunteering screens. Times are shown in China time
// (the organization's zone; Asia/Shanghai by default).
export const TIME_ZONE = 'Asia/Shanghai';

function parts(iso: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

/** 2026-07-01 09:00 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 09:00 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return `${p.hour}:${p.minute}`;
}

/** "2026-07-01 09:00–12:00", or both full stamps when the shift spans midnight. */
export function formatRange(startIso: string, endIso: string): string {
  const a = formatDateTime(startIso);
  const b = formatDateTime(endIso);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a} – ${b}`;
}

/** Hours with at most two decimals, no trailing zeros: 1.5, 2, 0.25. */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The China-time month (YYYY-MM) of a moment. */
export function chinaMonth(date: Date = new Date()): string {
  const p = parts(date.toISOString());
  return `${p.year}-${p.month}`;
}

/** The China-time date (YYYY-MM-DD) of a moment. */
export function chinaDate(date: Date = new Date()): string {
  const p = parts(date.toISOString());
  return `${p.year}-${p.month}-${p.day}`;
}

/** A fresh key for one sign-up attempt (kept across retries of the same attempt). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
