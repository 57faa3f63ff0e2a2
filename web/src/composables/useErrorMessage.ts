import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/request';

/** Text for an error a screen shows: the server's own message where it sent one. */
export function useErrorMessage() {
  const { t } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('common.errors.network');
      return error.detail || error.title || t('common.errors.unexpected');
    }
    return t('common.errors.unexpected');
  };
}
