/**
 * A queue of uploads with their progress: two run at a time (a phone's uplink is the limit,
 * not the server), each can be cancelled, and a failed one keeps the server's reason.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MediaAssetView } from "../../../common/schemas/media";
import { isApiError } from "../../api/client";
import i18n from "../../i18n";
import { useSession } from "../auth/session";
import { useMediaChanged } from "./media-api";
import { type UploadHandle, uploadMedia } from "./upload-media";

export type UploadStatus = "waiting" | "uploading" | "done" | "failed";

export interface UploadItem {
  key: string;
  file: File;
  organizationId: string;
  sent: number;
  status: UploadStatus;
  error?: string;
  /** Network and server failures are worth another try; a refused file (415, 413) is not. */
  retryable?: boolean;
  asset?: MediaAssetView;
}

const PARALLEL = 2;

export function useUploads(onUploaded?: (asset: MediaAssetView) => void) {
  const session = useSession();
  const changed = useMediaChanged();
  const [items, setItems] = useState<UploadItem[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((prev) => prev.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  // Start waiting uploads while fewer than PARALLEL are running.
  useEffect(() => {
    const running = items.filter((i) => i.status === "uploading").length;
    const next = items.filter((i) => i.status === "waiting").slice(0, Math.max(0, PARALLEL - running));
    for (const item of next) {
      if (handles.current.has(item.key)) continue;
      patch(item.key, { status: "uploading" });
      const handle = uploadMedia(item.file, {
        organizationId: item.organizationId,
        csrfToken: session.csrfToken,
        onProgress: (sent) => patch(item.key, { sent }),
      });
      handles.current.set(item.key, handle);
      handle.done
        .then((asset) => {
          patch(item.key, { status: "done", sent: item.file.size, asset });
          changed(asset);
          uploaded.current?.(asset);
        })
        .catch((error: unknown) =>
          patch(item.key, {
            status: "failed",
            error: isApiError(error) ? error.message : i18n.t("errors.unexpected"),
            retryable: !isApiError(error) || error.status === 0 || error.status >= 500,
          }),
        )
        .finally(() => handles.current.delete(item.key));
    }
  }, [items, patch, session.csrfToken, changed]);

  // Leaving the page stops what is still running (a resumable upload can continue later).
  useEffect(() => {
    const running = handles.current;
    return () => {
      for (const handle of running.values()) handle.cancel();
    };
  }, []);

  const add = useCallback((files: File[], organizationId: string) => {
    setItems((prev) => [
      ...prev,
      ...files.map((file) => ({ key: crypto.randomUUID(), file, organizationId, sent: 0, status: "waiting" as const })),
    ]);
  }, []);

  const cancel = useCallback((key: string) => {
    handles.current.get(key)?.cancel();
    setItems((prev) => prev.filter((item) => item.key !== key));
  }, []);

  const retry = useCallback((key: string) => patch(key, { status: "waiting", sent: 0, error: undefined }), [patch]);
  const clearFinished = useCallback(() => setItems((prev) => prev.filter((item) => item.status !== "done")), []);

  return { items, add, cancel, retry, clearFinished };
}
