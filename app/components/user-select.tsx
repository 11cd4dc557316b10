/** Searchable user picker; searches on the server (GET /users?q=) since the list can be large. */
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/client";
import type { UserList } from "../features/users/users-api";

interface Props extends Omit<SelectProps, "data" | "searchValue" | "onSearchChange"> {
  /** Label of the initially chosen user when the caller already knows it (e.g. an edit form). */
  selectedLabel?: string | null;
}

export function UserSelect({ selectedLabel, ...props }: Props) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({
    queryKey: ["users", "picker", debounced],
    queryFn: () => api<UserList>("/users", { query: { q: debounced || undefined, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const selectedId = props.value;
  // Keep the chosen user in the options even when the current search does not return it.
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
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
      comboboxProps={{ withinPortal: true }}
      {...props}
      onChange={(value, option) => {
        if (value && option) setKnown((k) => ({ ...k, [value]: option.label }));
        props.onChange?.(value, option);
      }}
    />
  );
}
