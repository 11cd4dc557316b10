import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../common/roles";

/** Role picker with translated names; the role ids come from common/roles.ts. */
export function RoleSelect(props: Omit<SelectProps, "data">) {
  const { t } = useTranslation();
  return (
    <Select data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} comboboxProps={{ withinPortal: true }} {...props} />
  );
}
