import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-title">
      <div className="page-title-text">
        {/* The page's one h1, at the size of a section title so a long name fits a phone. */}
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
          {title}
        </Typography.Title>
        {sub ? <div className="page-title-sub">{sub}</div> : null}
      </div>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
