import type { ThemeConfig } from 'antd';

/**
 * Text colours that reach WCAG AA (4.5:1) on white and on the grey page
 * (#f5f5f5): antd's defaults put secondary text at 3.35:1, placeholders at
 * 1.83:1 and tag text at 2.2–3.4:1. Each value's ratio is in its comment.
 */
const secondaryText = 'rgba(0, 0, 0, 0.62)'; // ≈ #616161: 6.2:1 on white, 5.7:1 on #f5f5f5
const placeholderText = 'rgba(0, 0, 0, 0.58)'; // ≈ #6b6b6b: 5.3:1 on white, 4.9:1 on #f5f5f5
/** Focus is blue, never the brand red: a red border reads as an error. */
const focusBlue = '#1d4ed8';
const focusShadow = '0 0 0 2px rgba(29, 78, 216, 0.2)';
const fieldFocus = { activeBorderColor: focusBlue, hoverBorderColor: focusBlue, activeShadow: focusShadow };

/**
 * Tag text on its light background: antd uses shade 7 of each palette; the
 * light ones (orange, gold, green, cyan…) fall below 4.5:1, so their text takes
 * a darker shade of the same palette (ratio on the tag's own background).
 */
const tagTextShades = {
  volcano7: '#ad2102', // 6.4:1
  orange7: '#ad4e00', // 5.1:1
  gold7: '#874d00', // 6.5:1
  yellow7: '#876800', // 5.2:1
  lime7: '#3f6600', // 6.6:1
  green7: '#237804', // 5.4:1
  cyan7: '#006d75', // 5.8:1
  // Status tags (success, processing, warning, error) write in the status colour.
  colorSuccess: '#237804', // 5.4:1 on #f6ffed ("Đã hoàn thành" was 2.21:1)
  colorInfo: '#0958d9', // 5.5:1 on #e6f4ff
  colorWarning: '#874d00', // 6.5:1 on #fffbe6
  colorError: '#a8071a', // 7.0:1 on #fff2f0
};

/** Party red for the brand, calm neutrals for the data. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    colorTextTertiary: secondaryText,
    colorTextDescription: secondaryText,
    colorTextPlaceholder: placeholderText,
    // Danger buttons and error text: antd's #ff4d4f is 3.26:1 on white.
    colorError: '#cf1322', // 5.1:1 on white
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
    Tag: tagTextShades,
    Input: fieldFocus,
    InputNumber: fieldFocus,
    DatePicker: fieldFocus,
    Select: {
      activeBorderColor: focusBlue,
      hoverBorderColor: focusBlue,
      activeOutlineColor: 'rgba(29, 78, 216, 0.2)',
    },
  },
};
