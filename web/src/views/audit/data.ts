// The audit screen's declarations: its columns and how its filters become the query.
import type { AuditEntry, AuditQuery } from '@/api/audit';
import type { Column } from '@/components/dataList';

/**
 * Who (a login or a phone number, sent in a header by api/audit.ts), what (object type, action)
 * and when (dates, China time, inclusive).
 */
export interface AuditFilters {
  actor: string;
  entity_type: string;
  action: string;
  /** [since, until] as YYYY-MM-DD, or null. */
  dates: [string, string] | null;
}

/** The typed filters, in order: who, what (object type), what (action). */
export const TEXT_FILTERS: { key: 'actor' | 'entity_type' | 'action'; label: string; testid: string }[] = [
  { key: 'actor', label: 'audit.filters.actor', testid: 'audit-actor' },
  { key: 'entity_type', label: 'audit.filters.entityType', testid: 'audit-entity-type' },
  { key: 'action', label: 'audit.filters.action', testid: 'audit-action' },
];

export const emptyAuditFilters = (): AuditFilters => ({ actor: '', entity_type: '', action: '', dates: null });

/** The query of the list and the export: blank filters left out. */
export function auditQuery(organizationId: number, f: AuditFilters): Omit<AuditQuery, 'limit' | 'cursor'> {
  const text = (s: string) => s.trim() || undefined;
  return {
    organization_id: organizationId,
    actor: text(f.actor),
    entity_type: text(f.entity_type),
    action: text(f.action),
    since: f.dates?.[0] || undefined,
    until: f.dates?.[1] || undefined,
  };
}

/** "2026-05-28 14:03:09" in the viewer's time zone. */
export function auditTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A change's before/after in one short line ("short_name: 克拉玛依 → 克市团委"); '' when there is none. */
export function changeSummary(e: AuditEntry, limit = 160): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return '';
  const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const parts = keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (e.before ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(after[k])}`));
  const line = parts.join('; ');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

export const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', label: 'audit.columns.at', text: (e) => auditTime(e.at), card: 'meta', width: 170 },
  { key: 'actor_name', label: 'audit.columns.actor', text: (e, t) => e.actor_name ?? t('audit.system'), card: 'meta', width: 150 },
  { key: 'action', label: 'audit.columns.action', text: (e) => e.action, card: 'title', width: 200 },
  { key: 'entity', label: 'audit.columns.entity', text: (e) => `${e.entity_type} #${e.entity_id}`, card: 'meta', width: 160 },
  { key: 'change', label: 'audit.columns.change', text: (e) => changeSummary(e), card: 'text' },
];
