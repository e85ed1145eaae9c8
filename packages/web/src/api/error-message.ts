import { errorCodes, errorMessage, type Language } from '@caunoi/domain';
import { isApiError } from './api-error';

const networkMessage: Record<Language, string> = {
  vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  en: 'Cannot reach the server. Check the connection and try again.',
};

/**
 * The one place an error becomes something a user reads: the server's own
 * (Vietnamese) message, or the English text of its code when the UI is in English.
 */
export function errorToMessage(error: unknown, language: Language): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return networkMessage[language];
    return language === 'en' ? errorMessage(error.code, 'en', error.details) : error.message;
  }
  return errorCodes.INTERNAL[language];
}
