import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-title">
      <div className="page-title-text">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {sub ? <div className="page-title-sub">{sub}</div> : null}
      </div>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
