import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/**
 * The search box of every list: results follow the typing (debounced by the
 * caller), so there is no search button; the phone keyboard shows "search".
 */
export function SearchInput({
  value,
  onChange,
  placeholder,
  testId,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  className?: string;
}) {
  return (
    <Input
      allowClear
      type="search"
      inputMode="search"
      enterKeyHint="search"
      autoComplete="off"
      maxLength={100}
      prefix={<SearchOutlined className="muted" />}
      placeholder={placeholder}
      aria-label={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={className}
      data-testid={testId}
    />
  );
}
