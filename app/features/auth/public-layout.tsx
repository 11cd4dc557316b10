/** Frame for the pages a signed-out visitor sees: centred card, language switch on top. */
import { Box, Center, Container, Group, Paper, Text } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/language-switch";

export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md">
        <Text fw={700} size="lg" c="indigo.7">
          Sinergi
        </Text>
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Container size={420} w="100%" p={0}>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Outlet />
          </Paper>
          <Text size="xs" c="dimmed" ta="center" mt="md">
            {t("app.tagline")}
          </Text>
        </Container>
      </Center>
    </Box>
  );
}
