/**
 * Bridges server and zod errors into Mantine forms. Field messages from the server are already
 * localized; zod messages are not, so zod issues are mapped to our own i18n keys.
 */
import { notifications } from "@mantine/notifications";
import type { z } from "zod";
import { isApiError } from "../api/client";
import i18n from "../i18n";

type FormErrors = Record<string, string>;

/** Shows the server's message and, when a form is given, puts `fields` under the inputs. */
export function handleApiError(error: unknown, form?: { setErrors: (errors: FormErrors) => void }): void {
  if (isApiError(error)) {
    if (form && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
    if (error.status === 401 && error.code === "http_401") return; // redirect already under way
    notifications.show({ color: "red", title: i18n.t("errors.title"), message: error.message });
    return;
  }
  notifications.show({ color: "red", title: i18n.t("errors.title"), message: i18n.t("errors.unexpected") });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: "teal", message });
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const t = i18n.t.bind(i18n);
  if (value === "" || value === null || value === undefined) return t("validation.required");
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" ? t("validation.required") : t("validation.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      return t("validation.tooLong", { max: Number(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return t("validation.email");
      if (issue.format === "url") return t("validation.url");
      return t("validation.format");
    default:
      return t("validation.invalid");
  }
}

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Validates with a shared zod schema from common/ and returns Mantine-style errors. */
export function zodErrors(schema: z.ZodType, values: unknown): FormErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    if (!errors[key]) errors[key] = issueMessage(issue, valueAt(values, issue.path));
  }
  return errors;
}

/** Optional text inputs hold "" while the API wants null for "no value". */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === "string" && value.trim() === "" ? null : value;
  }
  return out as T;
}
