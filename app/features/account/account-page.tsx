/** "My account": profile and language, password, two-factor sign-in, active sessions. */
import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { useSession } from "../auth/session";
import { PasswordCard } from "./password-card";
import { ProfileCard } from "./profile-card";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageHeader title={t("account.title")} description={session.user.email} />
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ProfileCard session={session} />
          <PasswordCard />
        </SimpleGrid>
        <TwoFactorCard enabled={session.user.twoFactorEnabled} />
        <SessionsCard />
      </Stack>
    </>
  );
}
