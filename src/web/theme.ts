// Mantine theme: calm blue, Japanese-friendly fonts, and colours adjusted for WCAG 2.1 AA contrast
// (Mantine's default shade 6 blue on white and its grey "dimmed" text are below 4.5:1).
import { type CSSVariablesResolver, createTheme } from "@mantine/core";

const JAPANESE_FONTS = [
  '"BIZ UDPGothic"',
  '"Hiragino Kaku Gothic ProN"',
  '"Hiragino Sans"',
  '"Yu Gothic UI"',
  '"Yu Gothic"',
  "Meiryo",
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  "system-ui",
  "sans-serif",
].join(", ");

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  fontFamily: JAPANESE_FONTS,
  headings: {
    fontFamily: JAPANESE_FONTS,
    fontWeight: "700",
    sizes: {
      h1: { fontSize: "1.625rem", lineHeight: "1.4" },
      h2: { fontSize: "1.3rem", lineHeight: "1.45" },
      h3: { fontSize: "1.1rem", lineHeight: "1.5" },
      h4: { fontSize: "1rem", lineHeight: "1.5" },
    },
  },
  lineHeights: { xs: "1.5", sm: "1.6", md: "1.7", lg: "1.7", xl: "1.7" },
  defaultRadius: "sm",
  focusRing: "auto",
  cursorType: "pointer",
  components: {
    Modal: { defaultProps: { closeButtonProps: { "aria-label": "閉じる" } } },
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { "aria-label": "パスワードの表示・非表示を切り替え" } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7],
    "--mantine-color-error": t.colors.red[9],
    "--mantine-color-placeholder": t.colors.gray[6],
    "--mantine-color-anchor": t.colors.blue[8],
  },
  dark: {},
});
