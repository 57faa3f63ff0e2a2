// The one place that talks HTTP to the server. Every api/<module>.ts calls
// request() (or get/post/put/patch/del) and receives parsed JSON or an ApiError.
import { currentLocale } from '@/locales';
import { useSessionStore } from '@/stores/session';

export const API_BASE = '/api/v1';

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  errors?: FieldError[];
  retryAfter?: number | null;
}

/** An RFC 9457 problem (or a transport failure, status 0) as a typed value. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldError[];
  /** Seconds from a Retry-After header (429, 503), or null. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** 'blob': resolve to a DownloadedFile instead of parsed JSON. */
  responseType?: 'json' | 'blob';
}

/** A file the server sent (exports, templates). */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (filename* preferred), or null. */
  fileName: string | null;
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

function redirectToLogin(): void {
  window.location.assign('/login');
}

let unauthorizedHandler: () => void = redirectToLogin;

/** The app installs a router-based redirect; the default reloads /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler ?? redirectToLogin;
}

// A 401 from the session endpoints means "not logged in" or "wrong password",
// which the caller handles; anywhere else it means the session has expired.
function isSessionEndpoint(path: string): boolean {
  return path === '/session' || path.startsWith('/session?');
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  let url = API_BASE + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.append(key, String(value));
    }
    const text = params.toString();
    if (text) url += (url.includes('?') ? '&' : '?') + text;
  }
  return url;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (e): e is FieldError =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as FieldError).field === 'string' &&
        typeof (e as FieldError).message === 'string',
    )
    .map((e) => ({ field: e.field, message: e.message }));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let problem: Record<string, unknown> = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
    } catch {
      // A broken body still yields an error with the HTTP status.
    }
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return new ApiError({
    status: response.status,
    title: text(problem.title) ?? response.statusText ?? `HTTP ${response.status}`,
    detail: text(problem.detail),
    type: text(problem.type),
    errors: toFieldErrors(problem.errors),
    retryAfter,
  });
}

export async function request<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const session = useSessionStore();
  const headers = new Headers(options.headers);
  headers.set(
    'Accept',
    options.responseType === 'blob' ? '*/*' : 'application/json, application/problem+json',
  );
  headers.set('Accept-Language', currentLocale());
  if (method !== 'GET' && session.csrfToken) {
    headers.set('X-CSRF-Token', session.csrfToken);
  }
  let body: string | Blob | undefined;
  if (options.body instanceof Blob) {
    // A file sent as it is (spreadsheet imports): its own type, or octet-stream.
    headers.set('Content-Type', options.body.type || 'application/octet-stream');
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, title: 'Network error', detail: String(cause) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !isSessionEndpoint(path)) {
      session.clear();
      unauthorizedHandler();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.responseType === 'blob') {
    const blob = await response.blob();
    return { blob, fileName: fileNameOf(response.headers.get('Content-Disposition')) } as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
  request<T>('GET', path, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, { ...options, body });
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('PUT', path, { ...options, body });
export const patch = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('PATCH', path, { ...options, body });
export const del = <T = void>(path: string, options?: RequestOptions) =>
  request<T>('DELETE', path, options);

/** GETs a file and hands it to the browser as a download. */
export async function download(
  path: string,
  query?: Record<string, QueryValue>,
  fallbackName = 'download',
  headers?: Record<string, string>,
): Promise<DownloadedFile> {
  const file = await request<DownloadedFile>('GET', path, { query, headers, responseType: 'blob' });
  const url = URL.createObjectURL(file.blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName ?? fallbackName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return file;
}
