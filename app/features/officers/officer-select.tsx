/** Searchable officer picker (e.g. atasan langsung); searches on the server by name or NIP. */
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import type { OfficerList } from "./officers-api";

interface Props extends Omit<SelectProps, "data" | "searchValue" | "onSearchChange"> {
  /** Leave this officer out (nobody is their own supervisor). */
  excludeId?: string;
  /** Label of the initially chosen officer when the caller already knows it. */
  selectedLabel?: string | null;
}

export function OfficerSelect({ excludeId, selectedLabel, ...props }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const officers = useQuery({
    queryKey: ["officers", "picker", debounced],
    queryFn: () => api<OfficerList>("/officers", { query: { q: debounced || undefined, pageSize: 20, active: "true" } }),
    placeholderData: keepPreviousData,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (officers.data?.items ?? [])
    .filter((o) => o.id !== excludeId)
    .map((o) => ({ value: o.id, label: `${o.name} (${o.nip})` }));
  const selectedId = props.value;
  if (selectedId && !options.some((o) => o.value === selectedId)) {
    options.unshift({ value: selectedId, label: known[selectedId] ?? selectedLabel ?? selectedId });
  }

  return (
    <Select
      searchable
      clearable
      filter={({ options: all }) => all} // the server already filtered
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      nothingFoundMessage="—"
      comboboxProps={{ withinPortal: true }}
      {...props}
      onChange={(value, option) => {
        if (value && option) setKnown((k) => ({ ...k, [value]: option.label }));
        props.onChange?.(value, option);
      }}
    />
  );
}
