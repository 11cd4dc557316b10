/**
 * Searchable organization picker fed by GET /organizations (flat list in tree order with
 * depth). Options are indented by depth so the hierarchy stays readable.
 */
import { Select, type SelectProps, Text } from "@mantine/core";
import { useMemo } from "react";
import { type OrganizationView, useOrganizations } from "../features/organizations/organizations-api";

interface Props extends Omit<SelectProps, "data"> {
  /** Keep only organizations that pass, e.g. those the user may invite into. */
  include?: (organization: OrganizationView) => boolean;
  /** Leave out these organizations (an organization cannot become its own parent). */
  exclude?: ReadonlySet<string>;
}

export function OrganizationSelect({ include, exclude, ...props }: Props) {
  const { data, isLoading } = useOrganizations();
  const depthById = useMemo(() => new Map((data?.items ?? []).map((o) => [o.id, o.depth])), [data]);
  const options = useMemo(
    () =>
      (data?.items ?? [])
        .filter((o) => o.active && (!include || include(o)) && !exclude?.has(o.id))
        .map((o) => ({ value: o.id, label: o.name })),
    [data, include, exclude],
  );

  return (
    <Select
      searchable
      clearable
      nothingFoundMessage="—"
      data={options}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depthById.get(option.value) ?? 0) * 12}>
          {option.label}
        </Text>
      )}
      comboboxProps={{ withinPortal: true }}
      {...props}
      disabled={isLoading || props.disabled}
    />
  );
}
