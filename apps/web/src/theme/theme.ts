import type { ThemeConfig } from 'antd';

/**
 * The one place for the product's look. Government blue (政务蓝) is the brand colour; red is
 * deliberately NOT used as a brand colour because it is reserved for overdue and failed
 * duties, which must stand out.
 */
export const brandColors = {
  primary: '#1f4e9e',
  headerBg: '#123671',
  headerText: '#ffffff',
  layoutBg: '#f2f4f7',
} as const;

/** Series colours for charts, in order; distinguishable and calm next to the brand blue. */
export const chartPalette = [
  '#1f4e9e',
  '#2a9d8f',
  '#e0a526',
  '#6c5fc7',
  '#5b8ff9',
  '#8d99ae',
  '#c0392b',
] as const;

// System Latin fonts first (better digits), then the CJK fonts of Windows, macOS and the
// domestic Linux desktops (UOS / Kylin ship Noto / Source Han / WenQuanYi).
const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  'Roboto',
  "'Helvetica Neue'",
  'Arial',
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  'sans-serif',
].join(', ');

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: brandColors.primary,
    colorInfo: brandColors.primary,
    colorLink: brandColors.primary,
    colorBgLayout: brandColors.layoutBg,
    // Secondary and hint texts stay readable on the grey layout background (WCAG AA 4.5:1;
    // antd's defaults are about 3.3:1 there).
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    // Red stays the colour of overdue and failed work, dark enough for text on white.
    colorError: '#c41d1d',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    borderRadius: 4,
    fontFamily,
  },
  components: {
    Layout: {
      headerBg: brandColors.headerBg,
      headerColor: brandColors.headerText,
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      triggerBg: '#ffffff',
      triggerColor: brandColors.primary,
    },
    Menu: {
      itemBorderRadius: 4,
    },
  },
};
