import { Combobox, createTheme } from "@mantine/core";

/** One place for the look of the app; Mantine defaults otherwise. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  components: {
    // Mantine keeps closed dropdowns in the DOM (hidden) with aria-labelledby pointing at the
    // field label, so every Select would have two elements with the same label. Unmounting
    // closed dropdowns keeps "find the field by its label" unambiguous (screen readers, e2e).
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});
