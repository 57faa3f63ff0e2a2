import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getMyWork, type MyWork } from '@/api/work';

/**
 * The caller's workbench answer for the current organization: the side menu reads its `areas`
 * (a leader's pages are listed only when the server counts leader work for the caller), the
 * 工作台 page its items and figures. One request serves both.
 */
export const useWorkStore = defineStore('work', () => {
  const work = ref<MyWork | null>(null);
  /** True once the answer for `organizationId` arrived (or failed). */
  const ready = ref(false);
  let asked: number | undefined;
  let inflight: Promise<void> | null = null;

  const areas = computed(() => new Set(work.value?.areas ?? []));

  /** Asks for the counts of `organizationId` (a request already on its way for it is shared). */
  function load(organizationId?: number): Promise<void> {
    if (inflight && asked === organizationId) return inflight;
    asked = organizationId;
    const mine = getMyWork(organizationId).then(
      (answer) => {
        if (asked === organizationId) work.value = answer;
      },
      () => {
        if (asked === organizationId) work.value = null;
      },
    );
    inflight = mine.finally(() => {
      if (asked === organizationId) {
        ready.value = true;
        inflight = null;
      }
    });
    return inflight;
  }

  function reset(): void {
    work.value = null;
    ready.value = false;
    asked = undefined;
    inflight = null;
  }

  return { work, ready, areas, load, reset };
});
