/**
 * NIP input with live feedback from common/nip.ts: while typing it names the precise problem,
 * and once valid it shows what the NIP encodes (birth date, TMT CPNS, sex).
 */
import { Group, Text, TextInput, type TextInputProps } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { parseNip } from "../../../common/nip";
import { formatDate } from "../../lib/format";

interface Props extends Omit<TextInputProps, "value" | "onChange"> {
  value: string;
  onChange: (value: string) => void;
}

export function NipField({ value, onChange, error, disabled, ...props }: Props) {
  const { t } = useTranslation();
  const digits = value.replace(/\s+/g, "");
  const parsed = digits ? parseNip(digits) : null;
  const live = parsed && !parsed.ok ? t(`officers.nipProblem.${parsed.problem}`, { count: digits.length }) : null;

  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      maxLength={24}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value)}
      // The server's message (e.g. "NIP ini sudah terdaftar") wins over the live one.
      error={error || (!disabled && live) || undefined}
      description={
        parsed?.ok ? (
          <Group component="span" gap={6} wrap="wrap" data-testid="nip-derived">
            <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text span size="xs">
              {t("officers.nipDerived", {
                birthDate: formatDate(parsed.parts.birthDate),
                tmtCpns: dayjs(`${parsed.parts.tmtCpns}-01`).format("MMMM YYYY"),
                sex: t(`sex.${parsed.parts.sex}`),
              })}
            </Text>
          </Group>
        ) : (
          t("officers.nipHelp")
        )
      }
      {...props}
    />
  );
}
