import { useState, type ReactNode } from 'react';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/i18n-context';
import { sessionKeys } from '../features/auth/queries';
import { persistOptions } from '../offline/query-persistence';
import { createQueryClient } from './query-client';
import { theme } from './theme';

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  // Dates in pickers and relative times follow the UI language; Vietnamese by default.
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    // The member's caseload is kept in IndexedDB and read back before the first page shows.
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      // The kept session only stands in when there is no network to ask: online, the server
      // says whether it is still valid before any page trusts it.
      onSuccess={() => {
        if (!navigator.onLine) return;
        queryClient.removeQueries({ queryKey: sessionKeys.me() });
        // What the phone kept shows at once, but it is as old as the last visit: online, ask again.
        void queryClient.invalidateQueries();
      }}
    >
      <I18nProvider>
        <LocalisedAntd>{children}</LocalisedAntd>
      </I18nProvider>
    </PersistQueryClientProvider>
  );
}
