/** A search box that reports what was typed after a short pause, not on every key. */
import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { LIMITS } from "../../common/limits";

export function SearchInput({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const [query, setQuery] = useState(value ?? "");
  const search = useDebouncedCallback((q: string) => onSearch(q.trim() || undefined), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={query}
      maxLength={LIMITS.search}
      onChange={(e) => {
        setQuery(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
    />
  );
}
