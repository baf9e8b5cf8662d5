import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Sea blue of the port city; shade 7 is the primary (white text on it passes WCAG AA). */
const harbour: MantineColorsTuple = [
  '#e8f1fb',
  '#d0e1f5',
  '#a5c5ea',
  '#77a7de',
  '#4f8cd3',
  '#3479c9',
  '#216bbf',
  '#155aa6',
  '#0c4c8f',
  '#033c76',
];

export const theme = createTheme({
  primaryColor: 'harbour',
  primaryShade: { light: 7, dark: 4 },
  colors: { harbour },
  fontFamily:
    "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  // DejaVu Sans Mono before Liberation Mono: the latter misplaces Vietnamese combining marks.
  fontFamilyMonospace:
    "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono', 'Liberation Mono', 'Courier New', monospace",
  headings: {
    fontFamily:
      "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
    fontWeight: '700',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
    // Vietnamese reads badly in capitals, and table cells must not cut a status short.
    Badge: { styles: { root: { textTransform: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } },
  },
});

/** Darker "dimmed" and error text so secondary text keeps a 4.5:1 contrast on white (axe color-contrast). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Light variants (Badge, Alert, light Buttons) on the palest shade so their text keeps a 4.5:1 contrast.
    ...Object.fromEntries(
      ['teal', 'red', 'gray', 'harbour', 'yellow', 'green', 'blue'].map((color) => [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`]),
    ),
    '--mantine-color-yellow-light-color': '#6b4400',
    '--mantine-color-teal-light-color': '#076b4d',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
