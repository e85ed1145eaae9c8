import { Segmented } from 'antd';
import type { Language } from '@caunoi/domain';
import { useI18n } from '../i18n/i18n-context';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      aria-label={t('app.language')}
      size={size}
      value={language}
      onChange={setLanguage}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
      data-testid="language-switch"
    />
  );
}
