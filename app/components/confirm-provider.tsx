/**
 * Promise-based confirmation dialog for destructive actions:
 * `if (await confirm({ title, message, confirmLabel })) doIt()`.
 * One provider keeps every page free of its own open/close state. The dialog (Mantine's Modal,
 * ≈ 5 KB gzip) loads on the first confirmation, not with the first bundle.
 */
import { notifications } from "@mantine/notifications";
import {
  type ComponentType,
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import i18n from "../i18n";
import type { ConfirmDialogProps } from "./confirm-dialog";

const ConfirmDialog = lazy(() =>
  import("./confirm-dialog").then(
    (m): { default: ComponentType<ConfirmDialogProps> } => ({ default: m.ConfirmDialog }),
    // A chunk that cannot load (offline, a new deployment) must not take the app down.
    () => ({ default: DialogUnavailable }),
  ),
);

/** Cancels, saying why, when the dialog's chunk could not load. */
function DialogUnavailable({ options, onClose }: ConfirmDialogProps) {
  useEffect(() => {
    if (!options) return;
    notifications.show({ color: "red", title: i18n.t("errors.title"), message: i18n.t("errors.network") });
    onClose(false);
  }, [options, onClose]);
  return null;
}

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Destructive actions get a red button. */
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  // Mounted from the first confirmation on, so later ones open (and close) with the transition.
  const [used, setUsed] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    setUsed(true);
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const close = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOptions(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {used && (
        <Suspense fallback={null}>
          <ConfirmDialog options={options} onClose={close} />
        </Suspense>
      )}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm needs <ConfirmProvider>");
  return confirm;
}
