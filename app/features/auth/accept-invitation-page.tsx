/** Landing page of the invitation link: shows who invited you where, then name + password. */
import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError } from "../../lib/form-errors";
import { authApi } from "./auth-api";
import { NewPasswordFields, validateNewPassword } from "./new-password-fields";
import { useFinishSignIn } from "./use-finish-sign-in";

const route = getRouteApi("/_public/accept-invitation");

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const finish = useFinishSignIn();
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => authApi.invitation(token ?? ""),
    enabled: !!token,
    retry: false,
  });

  const form = useForm({
    initialValues: { name: "", password: "", repeat: "" },
    validate: (values) => {
      const name = values.name.trim();
      const nameError = !name
        ? t("validation.required")
        : name.length > LIMITS.name
          ? t("validation.tooLong", { max: LIMITS.name })
          : undefined;
      return { ...validateNewPassword(values), ...(nameError ? { name: nameError } : {}) };
    },
  });

  // Prefill the name the inviter typed; the invitee may correct it.
  const invitedName = invitation.data?.name;
  // biome-ignore lint/correctness/useExhaustiveDependencies: run only when the invitation arrives, not on every form change
  useEffect(() => {
    if (invitedName && !form.getValues().name) form.setFieldValue("name", invitedName);
  }, [invitedName]);

  const accept = useMutation({
    mutationFn: (values: { name: string; password: string }) => authApi.acceptInvitation(token ?? "", values),
    onSuccess: (session) => finish(session),
    onError: (error) => handleApiError(error, form),
  });

  let body: ReactNode;
  if (!token) body = <Alert color="red">{t("auth.linkInvalid")}</Alert>;
  else if (invitation.isLoading) body = <LoadingState />;
  else if (invitation.isError) body = <ErrorState error={invitation.error} />;
  else if (invitation.data)
    body = (
      <form onSubmit={form.onSubmit((v) => accept.mutate({ name: v.name.trim(), password: v.password }))} noValidate>
        <Stack>
          <Text size="sm">{t("auth.invitationFor", { email: invitation.data.email })}</Text>
          <List size="sm" spacing={4}>
            {invitation.data.organizations.map((o) => (
              <List.Item key={`${o.name}-${o.role}`}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">{o.name}</Text>
                  <Badge size="sm" variant="light">
                    {t(`roles.${o.role}`)}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
          <TextInput label={t("auth.name")} autoComplete="name" {...form.getInputProps("name")} />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t("auth.acceptInvitation")}
          </Button>
        </Stack>
      </form>
    );

  return (
    <Stack>
      <Title order={2} size="h3">
        {t("auth.invitationTitle")}
      </Title>
      {body}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t("auth.haveAccount")}
      </Anchor>
    </Stack>
  );
}
