/**
 * Organizations where the user may create content: those inside the subtree of a grant with a
 * writing role (the server's content.create rule). It only narrows the picker; the server
 * decides on save.
 */
import { useCallback, useMemo } from "react";
import type { Role } from "../../../common/roles";
import { useSession } from "../auth/session";
import { type OrganizationView, useOrganizations } from "../organizations/organizations-api";

const WRITERS: readonly Role[] = ["admin", "coordinator", "editor", "officer"];

export function useCreatableOrganizations() {
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
  const creatable = useMemo(() => (organizations.data?.items ?? []).filter((o) => o.active && include(o)), [organizations.data, include]);
  /** The organization a new item starts in: the user's own (first writing grant), else the only choice. */
  const defaultId =
    session.grants.find((g) => WRITERS.includes(g.role) && creatable.some((o) => o.id === g.organizationId))?.organizationId ??
    (creatable.length === 1 ? creatable[0].id : null);
  return { include, defaultId, isLoading: organizations.isLoading };
}
