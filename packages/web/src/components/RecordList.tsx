import type { ReactNode } from 'react';
import { Empty } from 'antd';
import { useNavigate } from 'react-router';

export interface RecordListItem {
  key: string;
  href: string;
  title: ReactNode;
  extra?: ReactNode;
  lines?: ReactNode[];
  testId?: string;
  attributes?: Record<`data-${string}`, string>;
}

/**
 * The phone form of a table: one tappable card per record, no horizontal
 * scrolling. Each item is a link, so long-press and "open in new tab" work.
 */
export function RecordList({
  items,
  empty,
  loading,
}: {
  items: RecordListItem[];
  empty: string;
  loading?: boolean;
}) {
  const navigate = useNavigate();
  if (items.length === 0 && !loading) return <Empty description={empty} />;
  return (
    <ul className="record-list">
      {items.map((item) => (
        <li key={item.key} data-testid={item.testId} {...item.attributes}>
          <a
            href={item.href}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              void navigate(item.href);
            }}
          >
            <div className="record-list-head">
              <span className="record-list-title">{item.title}</span>
              {item.extra ? <span className="record-list-extra">{item.extra}</span> : null}
            </div>
            {item.lines?.filter(Boolean).map((line, index) => (
              <div className="record-list-line" key={index}>
                {line}
              </div>
            ))}
          </a>
        </li>
      ))}
    </ul>
  );
}
