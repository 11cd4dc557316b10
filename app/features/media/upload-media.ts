/**
 * Sends one file to the media library with progress. Small files go in one multipart POST;
 * files above 20 MB (videos from the field, on a phone's connection) go through tus in 8 MB
 * chunks and resume where they stopped after a network error, even after a page reload.
 */
import { type DetailedError, Upload } from "tus-js-client";
import { MEDIA_RESUMABLE_FROM_BYTES, type MediaAssetView } from "../../../common/schemas/media";
import { API_BASE, ApiError } from "../../api/client";
import i18n from "../../i18n";

export interface UploadHandle {
  done: Promise<MediaAssetView>;
  cancel: () => void;
}

interface UploadOptions {
  organizationId: string;
  csrfToken: string;
  onProgress: (sent: number, total: number) => void;
}

const language = () => (i18n.language === "en" ? "en" : "id");

/** Our error shape from a response body, or a generic message with the status. */
function errorFrom(status: number, body: string | null | undefined): ApiError {
  try {
    const data = JSON.parse(body ?? "") as { error?: { code?: string; message?: string; fields?: Record<string, string> } };
    if (data.error?.message) return new ApiError(status, data.error.code ?? "error", data.error.message, data.error.fields);
  } catch {
    // Not JSON: a proxy page or a bare protocol error.
  }
  if (status === 0) return new ApiError(0, "network_error", i18n.t("errors.network"));
  return new ApiError(status, `http_${status}`, i18n.t("errors.generic", { status }));
}

export function uploadMedia(file: File, options: UploadOptions): UploadHandle {
  return file.size > MEDIA_RESUMABLE_FROM_BYTES ? resumable(file, options) : multipart(file, options);
}

/** fetch cannot report upload progress; XMLHttpRequest can. */
function multipart(file: File, { organizationId, csrfToken, onProgress }: UploadOptions): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<MediaAssetView>((resolve, reject) => {
    const form = new FormData();
    // The organization first: the server checks it before reading the file.
    form.append("organizationId", organizationId);
    form.append("file", file, file.name);
    xhr.open("POST", `${API_BASE}/media`);
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.setRequestHeader("Accept-Language", language());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as MediaAssetView);
      else reject(errorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(errorFrom(0, null));
    xhr.onabort = () => reject(new ApiError(0, "aborted", i18n.t("media.upload.cancelled")));
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

function resumable(file: File, { organizationId, csrfToken, onProgress }: UploadOptions): UploadHandle {
  let upload: Upload | null = null;
  let rejectDone: (error: ApiError) => void = () => {};
  const done = new Promise<MediaAssetView>((resolve, reject) => {
    rejectDone = reject;
    upload = new Upload(file, {
      endpoint: `${API_BASE}/media/uploads`,
      metadata: { organizationId, filename: file.name, filetype: file.type },
      headers: { "x-csrf-token": csrfToken, "Accept-Language": language() },
      chunkSize: 8 * 1024 * 1024,
      // Keep trying through a dead zone: up to about five minutes without a connection.
      retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress(sent, total),
      onSuccess: ({ lastResponse }) => {
        try {
          resolve(JSON.parse(lastResponse.getBody()) as MediaAssetView);
        } catch {
          reject(errorFrom(lastResponse.getStatus(), null));
        }
      },
      onError: (error) => {
        const response = (error as DetailedError).originalResponse;
        reject(errorFrom(response?.getStatus() ?? 0, response?.getBody()));
      },
    });
    const started = upload;
    // A file sent before (same name, size and date) continues where it stopped.
    void started
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) started.resumeFromPreviousUpload(previous[0]);
      })
      .finally(() => started.start());
  });
  return {
    done,
    cancel: () => {
      // Terminating removes the partial file on the server as well.
      void (upload as Upload | null)?.abort(true);
      rejectDone(new ApiError(0, "aborted", i18n.t("media.upload.cancelled")));
    },
  };
}
