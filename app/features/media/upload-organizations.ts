/**
 * Organizations the user may upload into: inside the subtree of a grant with a writing role
 * (the server's media.upload rule). It only narrows the choice; the server decides.
 */
import { useCallback, useMemo } from "react";
import type { Role } from "../../../common/roles";
import { useSession } from "../auth/session";
import { type OrganizationView, useOrganizations } from "../organizations/organizations-api";

const WRITERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export function useUploadOrganizations() {
  const session = useSession();
  const organizations = useOrganizations();
  const roots = useMemo(() => new Set(session.grants.filter((g) => WRITERS.includes(g.role)).map((g) => g.organizationId)), [session]);
  const parentOf = useMemo(() => new Map((organizations.data?.items ?? []).map((o) => [o.id, o.parentId])), [organizations.data]);

  const include = useCallback(
    (org: OrganizationView) => {
      for (let id: string | null | undefined = org.id; id; id = parentOf.get(id)) if (roots.has(id)) return true;
      return false;
    },
    [roots, parentOf],
  );
  /** The user's own organization (first writing grant) is where uploads go unless changed. */
  const defaultId = session.grants.find((g) => WRITERS.includes(g.role))?.organizationId ?? null;
  return { include, defaultId, canUpload: roots.size > 0 };
}
