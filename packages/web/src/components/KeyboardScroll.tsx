import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Wraps a wide antd table so that its horizontal scroll area can take the
 * keyboard's focus (WCAG 2.1.1): antd renders the scrolling div itself, so the
 * tab stop and the region's name are set on it after it appears.
 */
export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const areas = ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? [];
    for (const area of areas) {
      area.tabIndex = 0;
      area.setAttribute('role', 'region');
      area.setAttribute('aria-label', label);
    }
  });
  return <div ref={ref}>{children}</div>;
}
