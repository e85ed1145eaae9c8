import { useState } from 'react';
import { Card } from 'antd';
import { SearchInput } from '../../components/SearchInput';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { UnitSearchResults } from './UnitSearchResults';
import { UnitTree } from './UnitTree';

export default function UnitTreePage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  return (
    <>
      <PageTitle title={t('units.treeTitle')} />
      <SearchInput
        className="section"
        placeholder={t('units.search')}
        value={text}
        onChange={setText}
        testId="unit-search"
      />
      <Card size="small">{q ? <UnitSearchResults q={q} /> : <UnitTree />}</Card>
    </>
  );
}
