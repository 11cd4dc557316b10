/** One-shot position from navigator.geolocation with a readable outcome for each failure. */
import { useCallback, useState } from "react";

export type GeoError = "denied" | "unavailable" | "timeout" | "unsupported";

export function useGeolocation(onPosition: (latitude: number, longitude: number, accuracy: number) => void) {
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<GeoError | null>(null);
  const supported = typeof navigator !== "undefined" && "geolocation" in navigator;

  const locate = useCallback(() => {
    if (!supported) {
      setError("unsupported");
      return;
    }
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        onPosition(round(position.coords.latitude), round(position.coords.longitude), position.coords.accuracy);
      },
      (failure) => {
        setLocating(false);
        setError(failure.code === failure.PERMISSION_DENIED ? "denied" : failure.code === failure.TIMEOUT ? "timeout" : "unavailable");
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [supported, onPosition]);

  return { locate, locating, error, supported };
}
