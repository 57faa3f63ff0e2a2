import type { LocationQuery } from 'vue-router';
import type { Direction } from '@/api/volunteering';

export interface ScanRequest {
  shift: number;
  direction: Direction;
  token: string;
}

function one(v: LocationQuery[string]): string | null {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : null;
}

/** The check-in request a scanned QR code carries, or null when the link is incomplete. */
export function parseScanQuery(query: LocationQuery): ScanRequest | null {
  const shift = Number(one(query.shift));
  const direction = one(query.direction);
  const token = one(query.token);
  if (!Number.isInteger(shift) || shift < 1 || !token) return null;
  if (direction !== 'in' && direction !== 'out') return null;
  return { shift, direction, token };
}
