import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/request';
import {
  createSession,
  deleteSession,
  fetchSession,
  type Account,
  type Credentials,
  type Grant,
  type Person,
  type SessionInfo,
} from '@/api/session';

export interface OrganizationRef {
  id: number;
  name: string;
}

/** The server sets `tianshan_signed_in` (readable, no secret) with the session and clears it at logout. */
export function hasSignedInHint(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)tianshan_signed_in=1(?:;|$)/.test(document.cookie);
}

export const useSessionStore = defineStore('session', () => {
  const account = ref<Account | null>(null);
  const person = ref<Person | null>(null);
  const grants = ref<Grant[]>([]);
  const csrfToken = ref<string | null>(null);
  /** True once GET /session has answered (logged in or not). */
  const loaded = ref(false);
  const selectedOrganizationId = ref<number | null>(null);
  let pending: Promise<void> | null = null;

  const isAuthenticated = computed(() => account.value !== null);

  /** The organizations the account holds any role on, each once, in grant order. */
  const organizations = computed<OrganizationRef[]>(() => {
    const seen = new Map<number, OrganizationRef>();
    for (const g of grants.value) {
      if (!seen.has(g.organization_id)) {
        seen.set(g.organization_id, { id: g.organization_id, name: g.organization_name });
      }
    }
    return [...seen.values()];
  });

  const currentOrganization = computed<OrganizationRef | null>(
    () =>
      organizations.value.find((o) => o.id === selectedOrganizationId.value) ??
      organizations.value[0] ??
      null,
  );

  function apply(info: SessionInfo): void {
    account.value = info.account;
    person.value = info.person ?? null;
    grants.value = info.grants ?? [];
    csrfToken.value = info.csrf_token;
    loaded.value = true;
  }

  function clear(): void {
    account.value = null;
    person.value = null;
    grants.value = [];
    csrfToken.value = null;
    selectedOrganizationId.value = null;
  }

  /** Asks the server once whether the browser already has a session. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    // A browser that never logged in (no hint cookie from the server) is a guest: asking would
    // only earn a 401.
    if (!hasSignedInHint()) {
      clear();
      loaded.value = true;
      return Promise.resolve();
    }
    pending ??= fetchSession()
      .then(apply)
      .catch((error: unknown) => {
        clear();
        // 401 is the ordinary "not logged in" (the session ended: forget the hint too); on
        // other failures ask again at the next navigation instead of deciding the visitor is a guest.
        if (error instanceof ApiError && error.status === 401) {
          document.cookie = 'tianshan_signed_in=; Path=/; Max-Age=0; SameSite=Lax';
          loaded.value = true;
        }
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  async function login(credentials: Credentials): Promise<void> {
    apply(await createSession(credentials));
  }

  async function logout(): Promise<void> {
    try {
      await deleteSession();
    } catch (error) {
      // An expired session is as good as a deleted one.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    clear();
  }

  function selectOrganization(id: number): void {
    if (organizations.value.some((o) => o.id === id)) selectedOrganizationId.value = id;
  }

  return {
    account,
    person,
    grants,
    csrfToken,
    loaded,
    isAuthenticated,
    organizations,
    currentOrganization,
    ensureLoaded,
    login,
    logout,
    clear,
    selectOrganization,
  };
});
