/** Stored links may carry the app's base path (/app/…); the router adds it itself. Off-app links are refused. */
export function appPath(link: string): string | null {
  if (!link.startsWith("/") || link.startsWith("//")) return null;
  const path = link.replace(/^\/app(?=\/|$)/, "");
  return path === "" ? "/" : path;
}
