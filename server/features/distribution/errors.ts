import type { ErrorCode } from "../../../common/i18n/errors";
import { AppError } from "../../http/errors";

/** A rule of this feature broken by one field: the specific code, and the field it concerns. */
export const ruleError = (status: number, field: string, code: ErrorCode) => new AppError(status, code, {}, { [field]: { code } });
