// The list kit's state: filters → the first page, a cursor → the next ones ("load more"),
// loading and failure, and the Excel export of the same filters where the list has one.
// DataList draws it; every keyset list of the app uses it.
import { computed, reactive, ref, shallowRef, watch, type WatchSource } from 'vue';
import { useErrorMessage } from './useErrorMessage';

/** What the kit needs of a list answer (the API's `{items, next_cursor}`). */
export interface KeysetPage<T> {
  items: T[];
  next_cursor: string | null;
}

export interface KeysetListOptions<F extends object, P extends KeysetPage<unknown>> {
  /** The filters (made reactive); a change loads the first page again. */
  filters?: F;
  /** Fetches one page for the filters; `cursor` is null for the first. */
  fetch: (filters: F, cursor: string | null) => Promise<P>;
  /** Filters typed into (search text): their changes load after a pause. */
  debounce?: readonly (keyof F)[];
  debounceMs?: number;
  /** Other things the list depends on (the organization id, …); a change loads the first page. */
  watch?: readonly WatchSource[];
  /** Loads at once (default); otherwise on the first reload(). */
  immediate?: boolean;
  /** Downloads the Excel file of the same filters. */
  exporter?: (filters: F) => Promise<unknown>;
}

export interface KeysetList<T, F extends object = Record<string, never>, P extends KeysetPage<T> = KeysetPage<T>> {
  readonly filters: F;
  readonly items: T[];
  /** The last page's answer (for what a list answer carries besides its items). */
  readonly page: P | null;
  readonly cursor: string | null;
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly failure: string;
  readonly exporting: boolean;
  readonly canExport: boolean;
  /** Loads the first page again (after a change the list does not watch). */
  reload(): Promise<void>;
  /** Appends the next page. */
  more(): Promise<void>;
  /** Downloads the export; its failure is the list's failure line. */
  exportFile(): Promise<void>;
}

export function useKeysetList<P extends KeysetPage<unknown>, F extends object = Record<string, never>>(
  options: KeysetListOptions<F, P>,
): KeysetList<P['items'][number], F, P> {
  type T = P['items'][number];
  const errorMessage = useErrorMessage();
  const filters = reactive(options.filters ?? ({} as F)) as F;
  const items = shallowRef<T[]>([]);
  const page = shallowRef<P | null>(null);
  const cursor = ref<string | null>(null);
  const loading = ref(false);
  const failure = ref('');
  const exporting = ref(false);
  // Answers of superseded requests (the filters changed meanwhile) are dropped.
  let generation = 0;

  async function load(more: boolean): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    failure.value = '';
    try {
      const answer = await options.fetch(filters, more ? cursor.value : null);
      if (mine !== generation) return;
      page.value = answer;
      items.value = more ? [...items.value, ...answer.items] : answer.items;
      cursor.value = answer.next_cursor ?? null;
    } catch (error) {
      if (mine !== generation) return;
      failure.value = errorMessage(error);
      if (!more) {
        items.value = [];
        cursor.value = null;
      }
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const reload = () => load(false);
  const more = () => (cursor.value ? load(true) : Promise.resolve());

  const typed = new Set<keyof F>(options.debounce ?? []);
  const keys = () => Object.keys(filters) as (keyof F)[];
  watch(
    [() => keys().filter((k) => !typed.has(k)).map((k) => filters[k]), ...(options.watch ?? [])],
    () => void reload(),
    { immediate: options.immediate ?? true, deep: true },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => [...typed].map((k) => filters[k]),
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 300);
    },
  );

  async function exportFile(): Promise<void> {
    if (!options.exporter) return;
    exporting.value = true;
    failure.value = '';
    try {
      await options.exporter(filters);
    } catch (error) {
      failure.value = errorMessage(error);
    } finally {
      exporting.value = false;
    }
  }

  return reactive({
    filters,
    items,
    page,
    cursor,
    hasMore: computed(() => cursor.value !== null),
    loading,
    failure,
    exporting,
    canExport: !!options.exporter,
    reload,
    more,
    exportFile,
  }) as unknown as KeysetList<T, F, P>;
}
