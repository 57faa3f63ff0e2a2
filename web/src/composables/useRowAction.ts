// One action on a row of a list (approve a booking, accept an application, …): asks for a reason
// when the action needs one, sends it, tells the outcome and reloads the list. `busy` disables
// the rows' buttons meanwhile.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useErrorMessage } from './useErrorMessage';

export interface ReasonPrompt {
  /** i18n keys of the prompt's text, its title and the message for an empty reason. */
  text: string;
  title: string;
  needed: string;
}

export function useRowAction(reload: () => Promise<unknown>) {
  const { t } = useI18n();
  const errorText = useErrorMessage();
  const busy = ref(false);

  /** The reason typed, or null when the prompt was dismissed. */
  async function askReason(p: ReasonPrompt): Promise<string | null> {
    try {
      const answer = await ElMessageBox.prompt(t(p.text), t(p.title), {
        inputValidator: (v: string) => v.trim().length > 0 || t(p.needed),
      });
      return answer.value.trim();
    } catch {
      return null;
    }
  }

  /** Runs `send`; on success shows `done` (an i18n key) and reloads, else shows the server's message. */
  async function run(send: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true;
    try {
      await send();
      ElMessage.success(t(done));
      await reload();
    } catch (e) {
      ElMessage.error(errorText(e));
    } finally {
      busy.value = false;
    }
  }

  return { busy, askReason, run };
}
