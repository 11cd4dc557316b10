/** Which organizations the user may start campaigns on or assign them to (coordinator/admin subtrees). */
import { useMemo } from "react";
import { useSession } from "../auth/session";
import { type OrganizationView, useOrganizations } from "../organizations/organizations-api";

/** The organizations in the subtrees where the user is coordinator or admin, in tree order. */
export function useManagedOrganizations(): { items: OrganizationView[]; isLoading: boolean } {
  const session = useSession();
  const { data, isLoading } = useOrganizations();
  const items = useMemo(() => {
    const roots = new Set(session.grants.filter((g) => g.role === "coordinator" || g.role === "admin").map((g) => g.organizationId));
    const list = data?.items ?? [];
    const byId = new Map(list.map((o) => [o.id, o]));
    const managed = (o: OrganizationView): boolean => {
      for (let cur: OrganizationView | undefined = o; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
        if (roots.has(cur.id)) return true;
      }
      return false;
    };
    return list.filter((o) => o.active && managed(o));
  }, [data, session.grants]);
  return { items, isLoading };
}
