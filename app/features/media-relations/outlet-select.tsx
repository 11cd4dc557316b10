/** Searchable picker of live outlets in the user's scope (memberships, list filter). */
import { Select, type SelectProps } from "@mantine/core";
import { useState } from "react";
import { useOutletChoices } from "./media-relations-api";

export function OutletSelect(props: Omit<SelectProps, "data" | "searchable" | "onSearchChange">) {
  const [q, setQ] = useState<string | undefined>(undefined);
  const choices = useOutletChoices(q);
  const data = (choices.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      searchable
      clearable
      data={data}
      onSearchChange={(s) => setQ(s.trim() || undefined)}
      filter={({ options }) => options}
      {...props}
    />
  );
}
