/** A download button that opens a menu of formats (one link each), as list and report pages offer. */
import { Button, Menu } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";

export function ExportMenu({ label, formats }: { label: string; formats: { label: string; href: string }[] }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((f) => (
          <Menu.Item key={f.label} component="a" href={f.href}>
            {f.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
