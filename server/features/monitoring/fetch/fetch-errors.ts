import { OutboundError } from "../../../lib/safe-fetch";

/** Why a fetch or a parse failed, as an error code of common/i18n/errors.ts. */
export type FetchErrorCode =
  | "monitoring_fetch_blocked"
  | "monitoring_fetch_bad_url"
  | "monitoring_fetch_timeout"
  | "monitoring_fetch_too_large"
  | "monitoring_fetch_network"
  | "monitoring_fetch_http"
  | "monitoring_fetch_robots"
  | "monitoring_feed_malformed"
  | "monitoring_not_html"
  | "monitoring_extract_empty";

export class MonitoringFetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "MonitoringFetchError";
  }
}

const OUTBOUND_CODES: Record<OutboundError["code"], FetchErrorCode> = {
  bad_url: "monitoring_fetch_bad_url",
  blocked: "monitoring_fetch_blocked",
  dns: "monitoring_fetch_network",
  redirects: "monitoring_fetch_network",
  timeout: "monitoring_fetch_timeout",
  too_large: "monitoring_fetch_too_large",
  network: "monitoring_fetch_network",
};

/** Any error of a fetch as a MonitoringFetchError (unknown errors are rethrown: they are bugs). */
export function asFetchError(err: unknown): MonitoringFetchError {
  if (err instanceof MonitoringFetchError) return err;
  if (err instanceof OutboundError) return new MonitoringFetchError(OUTBOUND_CODES[err.code], err.message);
  throw err;
}
