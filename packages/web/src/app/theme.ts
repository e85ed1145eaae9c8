import type { ThemeConfig } from 'antd';

/** Party red for the brand, calm neutrals for the data. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    borderRadius: 8,
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 16px',
      headerHeight: 56,
      siderBg: '#ffffff',
      bodyBg: '#f5f5f5',
    },
  },
};
