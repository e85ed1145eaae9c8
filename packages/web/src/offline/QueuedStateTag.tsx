import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import type { QueuedWriteState } from './outbox-store';

/** Where a write kept on the phone stands, as every list of them shows it. */
export function QueuedStateTag({ state }: { state: QueuedWriteState }) {
  const { t } = useI18n();
  return <Tag color={state === 'waiting' ? 'gold' : 'red'}>{t(`outbox.state.${state}`)}</Tag>;
}
