/**
 * A hint, not a rule: the server decides what it accepts (min length from common/limits.ts).
 * A light heuristic keeps the bundle small instead of shipping a password dictionary.
 */
import { Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../common/limits";

export function passwordScore(password: string): number {
  if (!password) return 0;
  let score = 0;
  if (password.length >= LIMITS.passwordMin) score += 1;
  if (password.length >= 14) score += 1;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes >= 2) score += 1;
  if (classes >= 3) score += 1;
  if (/^(.)\1+$/.test(password) || /^(1234|password|qwerty|sandi)/i.test(password)) score = Math.min(score, 1);
  return score; // 0..4
}

const COLORS = ["red", "red", "orange", "yellow", "teal"];
const LABELS = ["veryWeak", "weak", "fair", "good", "strong"];

export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  if (!password) {
    return (
      <Text size="xs" c="dimmed">
        {t("password.hint", { min: LIMITS.passwordMin })}
      </Text>
    );
  }
  const score = passwordScore(password);
  return (
    <div aria-live="polite">
      <Progress value={(score / 4) * 100 || 5} color={COLORS[score]} size="sm" mt={4} aria-hidden />
      <Text size="xs" c="dimmed" mt={4}>
        {t("password.strength")}: {t(`password.${LABELS[score]}`)}
        {password.length < LIMITS.passwordMin && ` — ${t("password.hint", { min: LIMITS.passwordMin })}`}
      </Text>
    </div>
  );
}
