import { Alert } from 'antd';
import { yearShownText, type YearShown } from '@caunoi/domain';
import { useI18n } from '../i18n/i18n-context';

/**
 * The sentence a page of figures shows when the current year had no data and
 * it opened on the latest year that has (the domain's `chooseYear`); nothing otherwise.
 */
export function YearShownNote({ shown }: { shown: YearShown | undefined }) {
  const { language } = useI18n();
  const text = shown ? yearShownText(shown, language) : null;
  return text ? (
    <Alert type="info" showIcon message={text} style={{ marginBottom: 12 }} data-testid="year-shown-note" />
  ) : null;
}
