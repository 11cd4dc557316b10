/** Help for the Boolean query syntax, and a syntax error shown with a caret under its position. */
import { Alert, Code, Popover, Table, Text, UnstyledButton } from "@mantine/core";
import { IconHelpCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";

const EXAMPLES: [string, string][] = [
  ["banjir longsor", "and"],
  ["banjir OR longsor", "or"],
  ["banjir NOT hoaks", "not"],
  ['"Pemprov Bali"', "phrase"],
  ["vaksin*", "prefix"],
  ["banjir NEAR/5 Denpasar", "near"],
  ["(Koster OR Gubernur) AND banjir", "group"],
];

export function QuerySyntaxHelp() {
  const { t } = useTranslation();
  return (
    <Popover width={420} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={t("monitoringArticles.syntaxHelp")} mb={6}>
          <IconHelpCircle size={20} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} mb="xs">
          {t("monitoringArticles.syntaxHelp")}
        </Text>
        <Table fz="sm" withRowBorders={false}>
          <Table.Tbody>
            {EXAMPLES.map(([q, key]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Code>{q}</Code>
                </Table.Td>
                <Table.Td>{t(`monitoringArticles.syntax.${key}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The 0-based position of a query syntax error in an API error, if it is one. */
export function queryErrorPosition(error: unknown): number | null {
  if (!isApiError(error) || !error.code.startsWith("query_")) return null;
  const position = (error.data as { error?: { position?: number } } | null)?.error?.position;
  return typeof position === "number" ? position : null;
}

/** The message, and the query with a caret under the character at fault. */
export function QueryErrorAlert({ error, query }: { error: unknown; query: string }) {
  const position = queryErrorPosition(error);
  if (!isApiError(error)) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{error.message}</Text>
      {position !== null && (
        <Code block mt={6} aria-hidden>
          {`${query}\n${" ".repeat(Math.min(position, query.length))}^`}
        </Code>
      )}
    </Alert>
  );
}
